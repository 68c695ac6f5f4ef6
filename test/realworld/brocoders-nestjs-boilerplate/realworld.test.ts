import { describeRealWorldApp } from '../harness';

describeRealWorldApp({
  name: 'brocoders-nestjs-boilerplate',
  config: 'app/src/database/data-source.ts',
  // The app's data source reads its driver from the environment.
  env: { DATABASE_TYPE: 'postgres' },
});
