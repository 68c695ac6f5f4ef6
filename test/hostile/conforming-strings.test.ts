/**
 * standard_conforming_strings = off on the user's server (issue 9, case 8): a backslash in a default,
 * a CHECK body, an index predicate, an enum label or a comment must survive, both in what ormdiff
 * reads and in the migration file it writes, which runs under TypeORM with whatever setting the server
 * has. The database here has the setting off for every session, as such a server would.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { compareEntitiesWithDatabase } from '../../src/api/compare';
import { openProject } from '../../src/api/project';
import { revision } from '../../src/api/revision';
import * as runner from '../../src/runner';
import { createTestDatabase, execSql, type TestDatabase } from '../../src/testing/database';
import { migrationShape } from './shapes';

/** A value with backslashes that a non-conforming server would read as escapes (\n, \t, \\). */
const VALUE = 'C:\\new\\table\\\\x';

let dir: string;
let db: TestDatabase;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ormdiff-scs-'));
  db = await createTestDatabase('ormdiff_scs');
  await execSql(db.url, `ALTER DATABASE ${JSON.stringify(db.name)} SET standard_conforming_strings = off`);
  writeFileSync(
    join(dir, 'ormconfig.js'),
    `const { EntitySchema } = require(${JSON.stringify(require.resolve('typeorm'))});
module.exports = { type: 'postgres', entities: [new EntitySchema({ name: 'files', tableName: 'files', columns: {
  id: { type: 'integer', primary: true },
  path: { type: 'text', default: ${JSON.stringify(VALUE)} },
  kind: { type: 'enum', enum: [${JSON.stringify(VALUE)}, 'plain'], default: ${JSON.stringify(VALUE)} },
} })] };
module.exports.ormdiff = { migrationsDir: 'migrations' };`,
  );
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db.drop();
});

/** Runs SQL in a session of its own: the database's setting (off) applies. */
async function offSession<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query('SHOW standard_conforming_strings');
    expect(rows[0].standard_conforming_strings).toBe('off');
    return await fn(client);
  } finally {
    await client.end();
  }
}

test('with standard_conforming_strings off, backslashes in defaults, labels and CHECKs survive both ways', async () => {
  const config = join(dir, 'ormconfig.js');
  const written = await revision({ config, url: db.url, cwd: dir, message: 'files', autogenerate: true });
  if (written.kind !== 'written') throw new Error('no migration');
  // The file, run on this server (the runner's session has the setting off, as TypeORM's would): the values come out whole.
  expect(migrationShape(readFileSync(written.path, 'utf8')).up.some((sql) => sql.includes('\\'))).toBe(true);
  const migrationsDir = join(dir, 'migrations');
  await runner.upgrade({ migrationsDir, url: db.url });
  await offSession(async (c) => {
    await c.query('INSERT INTO files (id) VALUES (1)');
    const { rows } = await c.query('SELECT path, kind::text AS kind FROM files');
    expect(rows).toEqual([{ path: VALUE, kind: VALUE }]);
  });
  // ormdiff reads it back as the entities say: nothing to do.
  const project = await openProject({ config, url: db.url, cwd: dir });
  expect((await compareEntitiesWithDatabase(project)).plan.changes).toEqual([]);

});

const setting = (value: 'on' | 'off') => execSql(db.url, `ALTER DATABASE ${JSON.stringify(db.name)} SET standard_conforming_strings = ${value}`);

/** Runs SQL in a session of its own, under the database's setting. */
async function session<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

test.each([
  ['on', 'off'],
  ['off', 'on'],
] as const)('read with standard_conforming_strings %s, run with it %s: the migration gives back the same values', async (read, run) => {
  const config = join(dir, 'ormconfig.js');
  const migrationsDir = join(dir, 'migrations');
  const table = `legacy_${read}`;
  // Made by hand on the server, with E'' literals (the same under either setting).
  await execSql(
    db.url,
    `CREATE TABLE ${table} (v text DEFAULT E'a\\\\b\\\\n' CHECK (v <> E'x\\\\y'), w text); CREATE INDEX ${table}_w ON ${table} (w) WHERE w <> E'p\\\\q'; ` +
      `COMMENT ON TABLE ${table} IS E'c\\\\d'`,
  );
  await setting(read);
  const drop = await revision({ config, url: db.url, cwd: dir, message: `drop ${table}`, autogenerate: true });
  if (drop.kind !== 'written') throw new Error('no migration');
  // up drops the table; down, on a server with the other setting, makes it again with the same values.
  await setting(run);
  await runner.upgrade({ migrationsDir, url: db.url });
  await runner.downgrade({ migrationsDir, url: db.url, target: '-1' });
  await session(async (c) => {
    await c.query(`INSERT INTO ${table} (w) VALUES ('z')`);
    const { rows } = await c.query(`SELECT v, obj_description('${table}'::regclass) AS comment FROM ${table}`);
    expect(rows).toEqual([{ v: 'a\\b\\n', comment: 'c\\d' }]);
    await expect(c.query(`INSERT INTO ${table} (v) VALUES (E'x\\\\y')`)).rejects.toThrow(/check constraint/);
    await c.query(`INSERT INTO ${table} (v, w) VALUES ('ok', E'p\\\\q')`);
    const { rows: used } = await c.query(`SELECT count(*)::int AS n FROM ${table} WHERE w <> E'p\\\\q'`);
    expect(used).toEqual([{ n: 1 }]);
  });
  await runner.upgrade({ migrationsDir, url: db.url });
  await setting('off');
});
