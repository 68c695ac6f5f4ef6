/** pg_dump --schema-only of a database, as the yardstick for "these two databases have the same schema". */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { pgTool } from '../../pg-tools';

const run = promisify(execFile);

/** `excludeTables`: pg_dump patterns (`public.migrations`) for bookkeeping tables that are not under test. */
export async function dumpSchema(url: string, excludeTables: string[] = []): Promise<string> {
  const args = [
    '--schema-only',
    '--no-owner',
    '--no-privileges',
    ...excludeTables.map((t) => `--exclude-table=${t}`),
    url,
  ];
  const { stdout } = await run(pgTool('pg_dump'), args, { maxBuffer: 64 * 1024 * 1024 });
  // \restrict carries a random key per run (pg_dump 15.14+); nothing else in the text is run-dependent.
  return stdout
    .split('\n')
    .filter((line) => !/^\\(un)?restrict /.test(line))
    .join('\n');
}
