/**
 * A project outside the repository that installs ormdiff the way users get it (the tarball `npm pack`
 * makes, with its peer typeorm) and uses the documented jest fixture, `migratedTestDatabase`, with a
 * stock jest: no NODE_OPTIONS, no transform of its own. Plain JavaScript (an EntitySchema, a .js
 * migration), so nothing but ormdiff itself has to compile anything.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../cli/helpers';

const version = (name: string): string => (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

let home: string;
beforeAll(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'ormdiff-packed-'));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

const files: Record<string, string> = {
  'ormconfig.js': `const { DataSource, EntitySchema } = require('typeorm');

const Note = new EntitySchema({
  name: 'Note',
  tableName: 'notes',
  columns: { id: { type: Number, primary: true, generated: true }, body: { type: 'text' } },
});

module.exports = new DataSource({ type: 'postgres', entities: [Note] });
`,
  'migrations/0a1b2c3d4e5f_notes.js': `/**
 * notes
 *
 * Revision ID: 0a1b2c3d4e5f
 * Revises: (none)
 */
class Notes1795515972000 {
  name = 'Notes1795515972000';
  revision = '0a1b2c3d4e5f';
  downRevision = null;
  transaction = true;

  async up(queryRunner) {
    await queryRunner.query('CREATE TABLE "notes" ("id" SERIAL NOT NULL, "body" text NOT NULL, CONSTRAINT "PK_notes" PRIMARY KEY ("id"))');
  }

  async down(queryRunner) {
    await queryRunner.query('DROP TABLE "notes"');
  }
}
module.exports = { Notes1795515972000 };
`,
  'notes.test.js': `const { Client } = require('pg');
const { migratedTestDatabase } = require('ormdiff');

let db;
beforeAll(async () => (db = await migratedTestDatabase({ config: 'ormconfig.js' })));
afterAll(() => db.drop());

test('the fixture gives a database at head', async () => {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query("INSERT INTO notes (body) VALUES ('hello')");
    const { rows } = await client.query('SELECT body FROM notes');
    expect(rows).toEqual([{ body: 'hello' }]);
  } finally {
    await client.end();
  }
});
`,
};

test('npm pack → npm install in a new project → its jest suite passes with the fixture', () => {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', home], { cwd: ROOT, encoding: 'utf8' })) as [{ filename: string }];
  const tarball = path.join(home, packed[0].filename);
  const project = path.join(home, 'app');
  mkdirSync(path.join(project, 'migrations'), { recursive: true });
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'app', private: true, scripts: { test: 'jest' } }, null, 2));
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(project, file), text);

  const env = { ...process.env, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' } as Record<string, string>;
  delete env.NODE_OPTIONS;
  for (const k of Object.keys(env)) if (k.startsWith('JEST_')) delete env[k];
  const install = spawnSync(
    'npm',
    ['install', '--no-save', tarball, `typeorm@${version('typeorm')}`, `jest@${version('jest')}`, `pg@${version('pg')}`],
    { cwd: project, env, encoding: 'utf8' },
  );
  expect({ status: install.status, stderr: install.status === 0 ? '' : install.stderr.slice(-2000) }).toEqual({ status: 0, stderr: '' });

  // TEST_DATABASE_URL (the suite's server) when set, as a user's CI sets it; the fixture's chain otherwise.
  const run = spawnSync('npx', ['jest', '--ci'], { cwd: project, env, encoding: 'utf8' });
  expect({ status: run.status, output: run.status === 0 ? '' : (run.stdout + run.stderr).slice(-3000) }).toEqual({ status: 0, output: '' });
  expect(run.stderr).toMatch(/Tests:\s+1 passed, 1 total/);
}, 600_000);
