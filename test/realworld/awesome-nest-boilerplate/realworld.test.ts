import { describeRealWorldApp } from '../harness';

describeRealWorldApp({
  name: 'awesome-nest-boilerplate',
  config: 'app/ormconfig.ts',
  // The app asks for TypeORM 0.3.20 (its package.json); `@VirtualColumn` came in 0.3.11.
  requires: { typeorm: '0.3.11', because: '`@VirtualColumn` in user.entity.ts', error: /VirtualColumn\) is not a function/ },
});
