import { describeRealWorldApp } from '../harness';

describeRealWorldApp({
  name: 'awesome-nest-boilerplate',
  config: 'app/ormconfig.ts',
  // The app asks for TypeORM 0.3.20 (its package.json); `@VirtualColumn` came in 0.3.11.
  // Its `Uuid` is declared in a types.d.ts outside the vendored files: undeclared for the narrow program,
  // it could be declared by an @types package for the whole one, so the loader takes the whole program.
  wholeProgram: /^whole program: app\/src\/common\/abstract\.entity\.ts:\d+: Uuid is declared outside the project$/,
  requires: { typeorm: '0.3.11', because: '`@VirtualColumn` in user.entity.ts', error: /VirtualColumn\) is not a function/ },
});
