import { describeRealWorldApp } from '../harness';

describeRealWorldApp({
  name: 'awesome-nest-boilerplate',
  config: 'app/ormconfig.ts',
  knownFailures: {
    report:
      'issue 8 item 8 (name policy): user_settings keeps the PK and one-to-one UNIQUE names TypeORM derived from its first table name; ormdiff proposes 2 RENAME CONSTRAINTs TypeORM ignores',
  },
});
