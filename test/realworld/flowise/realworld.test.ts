import { describeRealWorldApp } from '../harness';

describeRealWorldApp({
  name: 'flowise',
  config: 'ormconfig.ts',
});
