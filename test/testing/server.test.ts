/**
 * Where the test helpers get a server: the environment, then testcontainers, then the embedded
 * PostgreSQL; each step that gives none says why and the next is tried.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { querySql, serverUrl } from '../../src/testing/database';
import { defaultSteps, embeddedStep, envStep, firstServer, testcontainersStep, type ServerStep } from '../../src/testing/server';

const temp: string[] = [];
// A failed assertion must not leave an embedded server running in a deleted directory.
let running: { stop(): Promise<void> } | undefined;
afterAll(async () => {
  await running?.stop();
  temp.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

/** A project directory the embedded server (run as the OS user postgres when we are root) can reach. */
function projectDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ormdiff-server-'));
  chmodSync(dir, 0o755);
  temp.push(dir);
  return dir;
}

/** A project with its own copy of `@testcontainers/postgresql` whose index.js is `source`. */
function withTestcontainers(source: string): string {
  const dir = projectDir();
  const pkg = path.join(dir, 'node_modules/@testcontainers/postgresql');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: '@testcontainers/postgresql', main: 'index.js' }));
  writeFileSync(path.join(pkg, 'index.js'), source);
  return dir;
}

describe('the environment step', () => {
  test('TEST_DATABASE_URL first, then DATABASE_URL, and nothing to stop', async () => {
    const both = await envStep({ TEST_DATABASE_URL: 'postgres://t/x', DATABASE_URL: 'postgres://d/x' }).start();
    expect(both).toMatchObject({ url: 'postgres://t/x' });
    expect(await envStep({ DATABASE_URL: 'postgres://d/x' }).start()).toMatchObject({ url: 'postgres://d/x' });
    expect(await envStep({ DATABASE_URL: '' }).start()).toEqual({ skipped: 'TEST_DATABASE_URL and DATABASE_URL are not set' });
  });
});

describe('the testcontainers step', () => {
  test('skipped when the project has not installed @testcontainers/postgresql', async () => {
    expect(() => require.resolve('@testcontainers/postgresql')).toThrow();
    expect(await testcontainersStep({ projectDir: projectDir() }).start()).toEqual({ skipped: '@testcontainers/postgresql is not installed' });
  });

  test("skipped with the loader's reason when the installed version cannot load (testcontainers 12 on Node 20)", async () => {
    const dir = withTestcontainers("throw new SyntaxError('Unexpected token (needs Node 22)');");
    expect(await testcontainersStep({ projectDir: dir }).start()).toEqual({
      skipped: '@testcontainers/postgresql could not be loaded (Unexpected token (needs Node 22))',
    });
  });

  test('skipped when no Docker engine answers, with the image asked for', async () => {
    const dir = withTestcontainers(`
      exports.PostgreSqlContainer = class {
        constructor(image) { this.image = image; }
        async start() { throw new Error('Could not find a working container runtime strategy (image ' + this.image + ')'); }
      };`);
    expect(await testcontainersStep({ projectDir: dir, image: 'postgres:15-alpine' }).start()).toEqual({
      skipped: 'testcontainers could not start a container (Could not find a working container runtime strategy (image postgres:15-alpine))',
    });
  });
});

describe('the order', () => {
  test('a server from the environment is used and the later steps are never started', async () => {
    const dir = projectDir();
    const server = await firstServer(defaultSteps({ env: { TEST_DATABASE_URL: serverUrl() }, projectDir: dir }));
    expect(server).toMatchObject({ url: serverUrl(), source: 'env', skipped: [] });
    expect(existsSync(path.join(dir, '.ormdiff'))).toBe(false);
    await server.stop();
    expect(await querySql(serverUrl(), 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  test('without one and without testcontainers, the embedded PostgreSQL: a real server, gone after stop()', async () => {
    const dir = projectDir();
    const lines: string[] = [];
    const server = await firstServer(defaultSteps({ env: {}, projectDir: dir, log: (l) => lines.push(l) }), (l) => lines.push(l));
    running = server;
    expect(server.source).toBe('embedded');
    expect(server.skipped).toEqual(['TEST_DATABASE_URL and DATABASE_URL are not set', '@testcontainers/postgresql is not installed']);
    expect(lines.at(-1)).toMatch(/^Test server: embedded \(TEST_DATABASE_URL and DATABASE_URL are not set; @testcontainers\/postgresql is not installed\)$/);
    expect(existsSync(path.join(dir, '.ormdiff/pg/PG_VERSION'))).toBe(true);
    const [row] = await querySql<{ version: string }>(server.url, "SELECT current_setting('server_version') AS version");
    expect(row.version).toMatch(/^\d+\./);
    await server.stop();
    running = undefined;
    await expect(querySql(server.url, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED|connect/);
  }, 120_000);

  test('when every step gives nothing, the error gives every reason in order', async () => {
    const never: ServerStep = { source: 'embedded', start: async () => Promise.reject(new Error('no binaries for this platform')) };
    await expect(firstServer([envStep({}), testcontainersStep({ projectDir: projectDir() }), never])).rejects.toThrow(
      'No PostgreSQL server for the tests: TEST_DATABASE_URL and DATABASE_URL are not set; @testcontainers/postgresql is not installed; embedded: no binaries for this platform',
    );
  });

  test('the embedded step is its own step, usable alone', () => {
    expect(embeddedStep().source).toBe('embedded');
    expect(defaultSteps().map((s) => s.source)).toEqual(['env', 'testcontainers', 'embedded']);
  });
});
