/** Shared setup for the introspector tests: a connected client on a fresh database. */
import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { pgTool } from '../pg-tools';
import { createTestDatabase, type TestDatabase } from '../../src/testing/database';

export interface Connected {
  db: TestDatabase;
  client: Client;
  close(): Promise<void>;
}

export async function connectFresh(prefix: string): Promise<Connected> {
  const db = await createTestDatabase(prefix);
  const client = new Client({ connectionString: db.url });
  await client.connect();
  return {
    db,
    client,
    close: async () => {
      await client.end();
      await db.drop();
    },
  };
}

/** Loads a SQL file the way its authors do (psql handles COPY, \ commands and dollar quoting). */
export function psqlFile(url: string, file: string): void {
  execFileSync(pgTool('psql'), ['-X', '-v', 'ON_ERROR_STOP=1', '-q', '-f', file, url], { stdio: ['ignore', 'ignore', 'pipe'] });
}
