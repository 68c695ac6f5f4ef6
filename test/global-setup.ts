/**
 * The server the whole suite runs on, chosen once: TEST_DATABASE_URL / DATABASE_URL, else the local
 * cluster on 127.0.0.1:5432 when it answers, else testcontainers or the embedded PostgreSQL (so
 * `npm test` works on a machine with nothing but Node). Workers inherit TEST_DATABASE_URL.
 */
import { Client } from 'pg';
import { startTestServer, type TestServer } from '../src/testing/server';

const LOCAL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL || process.env.DATABASE_URL) return;
  if (await answers(LOCAL)) {
    process.env.TEST_DATABASE_URL = LOCAL;
    return;
  }
  const server: TestServer = await startTestServer({ log: (line) => process.stderr.write(`[test server] ${line}\n`) });
  process.env.TEST_DATABASE_URL = server.url;
  (globalThis as { __ormdiffTestServer?: TestServer }).__ormdiffTestServer = server;
}
