/**
 * The attack of issue 9 on a real database: someone who can ALTER a managed table gives it columns,
 * comments, defaults, CHECKs, indexes, enum types and tables whose names and texts are the hostile
 * payloads. Then autogenerate → lint → upgrade → re-diff → down, as a team would run it:
 * - the migration parses into exactly its statements (nothing a name smuggled in), and the canary
 *   directory the payloads' code would make is never made;
 * - lint blocks on the drops until a real acknowledgement is written (a name cannot acknowledge);
 * - after upgrade the entities and the database agree; down gives back every object, names, texts,
 *   labels, defaults and CHECK bodies byte for byte;
 * - the Markdown report creates no element the input did not intend.
 * The objects are created with Postgres's own format(%I, %L), so the test does not trust ormdiff's quoting.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareEntitiesWithDatabase } from '../../src/api/compare';
import { diff } from '../../src/api/diff';
import { lint } from '../../src/api/lint';
import { openProject } from '../../src/api/project';
import { revision } from '../../src/api/revision';
import { withConnection } from '../../src/db/connect';
import { introspect } from '../../src/introspect';
import * as runner from '../../src/runner';
import { classNameFor, fileNameFor, renderMigrationSource } from '../../src/runner/template';
import { createTestDatabase, querySql, type TestDatabase } from '../../src/testing/database';
import { CANARY, PAYLOADS } from './payloads';
import { markdownProblems, migrationShape } from './shapes';

let dir: string;
let db: TestDatabase;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ormdiff-hostile-'));
  db = await createTestDatabase('ormdiff_hostile');
  rmSync(CANARY, { recursive: true, force: true });
  writeFileSync(
    join(dir, 'ormconfig.js'),
    `const { EntitySchema } = require(${JSON.stringify(require.resolve('typeorm'))});
module.exports = { type: 'postgres', entities: [new EntitySchema({ name: 'victim', tableName: 'victim', columns: { id: { type: 'integer', primary: true }, name: { type: 'text', nullable: true } } })] };
module.exports.ormdiff = { migrationsDir: 'migrations' };`,
  );
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db.drop();
});

/** One statement, built by the server from a format() template and its arguments. */
async function attackSql(template: string, ...args: string[]): Promise<string> {
  const params = args.map((_, i) => `$${i + 1}::text`).join(', ');
  const [{ sql }] = await querySql<{ sql: string }>(db.url, `SELECT format(${`'${template.replace(/'/g, "''")}'`}, ${params}) AS sql`, args);
  return sql;
}

/** The model, with every list sorted by name: down adds dropped columns back at the end, in its own order. */
function sortedByName<T>(value: T): T {
  if (Array.isArray(value)) {
    const items = value.map(sortedByName);
    return (items.every((i) => i !== null && typeof i === 'object' && typeof (i as { name?: unknown }).name === 'string')
      ? [...items].sort((a, b) => ((a as { name: string }).name < (b as { name: string }).name ? -1 : 1))
      : items) as T;
  }
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sortedByName(v)])) as T;
  return value;
}

const snapshot = async () => sortedByName((await withConnection(db.url, (c) => introspect(c, { schemas: ['public'] }))).schema);
const hex = (s: string) => Buffer.from(s).toString('hex');

test('hostile names and texts: autogenerate → lint → upgrade → re-diff → down', async () => {
  const config = join(dir, 'ormconfig.js');
  const project = await openProject({ config, url: db.url, cwd: dir });

  // The team's first migration creates the managed table.
  const first = await revision({ config, url: db.url, cwd: dir, message: 'create victim', autogenerate: true });
  expect(first.kind).toBe('written');
  await runner.upgrade({ migrationsDir: join(dir, 'migrations'), url: db.url });

  // The attacker's changes, as a migration of their own: the live database and lint's replay both get them.
  const attack: string[] = [];
  for (const [i, { text }] of PAYLOADS.entries()) {
    attack.push(await attackSql('ALTER TABLE victim ADD COLUMN %I text DEFAULT %L CONSTRAINT %I CHECK (%I IS NOT DISTINCT FROM %L OR %I IS NULL)', text, text, `c${i}${text}`, text, text, text));
    attack.push(await attackSql('COMMENT ON COLUMN victim.%I IS %L', text, text));
    attack.push(await attackSql('CREATE INDEX %I ON victim (%I)', `i${i}${text}`, text));
    attack.push(await attackSql('CREATE TYPE %I AS ENUM (%L, %L)', `e${i}${text}`, text, `z${i}`));
    attack.push(await attackSql('CREATE TABLE %I (v %I DEFAULT %L)', `t${i}${text}`, `e${i}${text}`, text));
    attack.push(await attackSql('COMMENT ON TABLE %I IS %L', `t${i}${text}`, text));
  }
  // Rows, so the drops are error-level hazards lint must block on.
  const rows = ['INSERT INTO victim (id) VALUES (1)', ...(await Promise.all(PAYLOADS.map((p, i) => attackSql('INSERT INTO %I DEFAULT VALUES', `t${i}${p.text}`))))];
  if (first.kind !== 'written') throw new Error('no first migration');
  const createdAt = new Date(1700000000001);
  writeFileSync(
    join(dir, 'migrations', fileNameFor('a77ac4000001', 'attack')),
    await renderMigrationSource({ message: 'attack', revision: 'a77ac4000001', downRevision: first.revision, createDate: createdAt, className: classNameFor('attack', createdAt.getTime()), up: [...attack, ...rows], down: [] }),
  );
  await runner.upgrade({ migrationsDir: join(dir, 'migrations'), url: db.url });
  const attacked = await snapshot();

  // The report a pull request would carry.
  const report = await diff({ config, url: db.url, cwd: dir, format: 'markdown' });
  expect(markdownProblems(report.output, {
    headings: [/^Migration plan$/, /^Summary$/, /^Warnings$/, /^Schema diff$/, /^(Up|Down) \(\d+ statements?\)$/, /^public\\\.\S/],
    allowedLineStarts: [/^- \*\*[A-Z]{2}\d{3}\*\* \((info|warning|error)\) /],
  })).toEqual([]);

  const written = await revision({ config, url: db.url, cwd: dir, message: 'drop what is not ours', autogenerate: true });
  if (written.kind !== 'written') throw new Error('no migration written');
  const source = readFileSync(written.path, 'utf8');
  const shape = migrationShape(source);
  const comparison = await compareEntitiesWithDatabase(project);
  expect(shape.up).toEqual(comparison.plan.up.map((s) => s.sql));
  expect(shape.down).toEqual(comparison.plan.down.map((s) => s.sql));
  const notes = new Set(comparison.plan.warnings.map((w) => `WARNING ${w.code}: ${w.message}`));
  for (const c of shape.lineComments) expect(notes).toContain(c);

  // Lint blocks on the drops: no payload acknowledged them.
  const blocked = await lint({ config, cwd: dir, files: [written.path] });
  expect(blocked.blocking).toBe(true);
  expect(blocked.results[0].findings.filter((f) => f.acknowledged !== undefined)).toEqual([]);
  const codes = [...new Set(blocked.results[0].findings.filter((f) => f.blocking).map((f) => f.code))];
  appendFileSync(written.path, codes.map((c) => `// ormdiff-ack: ${c} the test drops what the attacker added\n`).join(''));
  expect((await lint({ config, cwd: dir, files: [written.path] })).blocking).toBe(false);

  await runner.upgrade({ migrationsDir: join(dir, 'migrations'), url: db.url });
  expect(existsSync(CANARY)).toBe(false);
  expect((await compareEntitiesWithDatabase(project)).plan.changes).toEqual([]);
  const columns = await querySql<{ attname: string }>(db.url, `SELECT attname FROM pg_attribute WHERE attrelid = 'victim'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`);
  expect(columns.map((c) => c.attname)).toEqual(['id', 'name']);

  await runner.downgrade({ migrationsDir: join(dir, 'migrations'), url: db.url, target: '-1' });
  expect(existsSync(CANARY)).toBe(false);
  const restored = await snapshot();
  expect(restored).toEqual(attacked);
  // Byte for byte, as the catalog holds them.
  const names = await querySql<{ name: string }>(db.url, `SELECT attname::text AS name FROM pg_attribute WHERE attrelid = 'victim'::regclass AND attnum > 2 AND NOT attisdropped`);
  expect(names.map((n) => hex(n.name)).sort()).toEqual(PAYLOADS.map((p) => hex(p.text)).sort());
  const labels = await querySql<{ label: string }>(db.url, `SELECT enumlabel AS label FROM pg_enum ORDER BY enumtypid, enumsortorder`);
  expect(new Set(labels.map((l) => l.label))).toEqual(new Set(PAYLOADS.flatMap((p, i) => [p.text, `z${i}`])));
  const comments = await querySql<{ name: string; text: string }>(db.url, `SELECT attname AS name, col_description('victim'::regclass, attnum) AS text FROM pg_attribute WHERE attrelid = 'victim'::regclass AND attnum > 2 AND NOT attisdropped`);
  for (const c of comments) expect(hex(c.text)).toBe(hex(c.name));
  // The defaults evaluate to the payload: a row inserted with defaults only holds them.
  await querySql(db.url, 'INSERT INTO victim (id) VALUES (2)');
  const [row] = await querySql<Record<string, string>>(db.url, 'SELECT * FROM victim WHERE id = 2');
  for (const p of PAYLOADS) expect(row[p.text]).toBe(p.text);
});
