/**
 * TypeORM, required on first use rather than when a module is imported: it is 300 modules, and
 * `ormdiff --help`, `--version` and the commands that never read entities or run migrations have no
 * use for it. The types are imported with `import type`, which costs nothing at run time.
 */
type TypeOrm = typeof import('typeorm');

let loaded: TypeOrm | undefined;

export function typeorm(): TypeOrm {
  return (loaded ??= require('typeorm') as TypeOrm);
}
