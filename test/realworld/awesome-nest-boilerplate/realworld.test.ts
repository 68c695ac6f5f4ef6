import { describeRealWorldApp } from '../harness';

describeRealWorldApp({
  name: 'awesome-nest-boilerplate',
  config: 'app/ormconfig.ts',
});
