/**
 * The hazard layer's command-line surface: the `lint` command, and the options the lead registers on
 * `diff`, `revision` and `check` (--rename, --using, --enum-map, --online, --interactive, --policy).
 *
 *   for (const c of hazardCommands(out, setCode)) cli = cli.command(c);
 *   builder: (y) => addHazardOptions(y.option(…)),
 *   handler: (args) => compareEntitiesWithDatabase(project, hazardOptionsFromArgs(args, out())),
 */
import { createInterface } from 'node:readline/promises';
import type { Argv, CommandModule } from 'yargs';
import type { CompareOptions } from '../api/compare';
import { parseHints, type RenameAsker, type RenameQuestion } from '../api/hints';
import { lint } from '../api/lint';
import { parsePolicyArgs } from '../diff/policy';
import type { Output } from './output';

type Args = Record<string, any>;

export function addHazardOptions<T>(y: Argv<T>) {
  return y
    .option('rename', {
      type: 'string',
      array: true,
      describe: 'a rename: table.old=new, table:old=new, type:old=new, enum:type.old=new (=- for drop + add)',
    })
    .option('using', { type: 'string', array: true, describe: 'the conversion of a type change: table.column="SQL expression"' })
    .option('enum-map', { type: 'string', array: true, describe: 'rows of a removed enum value take another: type.old=new' })
    .option('online', {
      type: 'boolean',
      describe: 'avoid long locks: CREATE INDEX CONCURRENTLY, NOT VALID + VALIDATE, NOT NULL via CHECK, lock_timeout (non-transactional)',
    })
    .option('interactive', { type: 'boolean', describe: 'ask about each rename candidate (on a terminal; never waits otherwise)' })
    .option('policy', {
      type: 'string',
      array: true,
      describe:
        'what counts as a difference, over the config\'s ormdiff.policy: names.<kind>=compare|ignore (primaryKey, foreignKey, unique, columnUnique, check, exclusion, index), columnOrder.<kind>=compare|ignore (primaryKey, foreignKey, unique, index); a bare section sets every kind',
    });
}

interface Terminal {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
}

function prompt(q: RenameQuestion): string {
  if (q.candidates.length === 1) return `Was ${q.object} renamed to ${q.candidates[0]}? [Y/n] `;
  const options = q.candidates.map((c, i) => `  ${i + 1}) renamed to ${c}\n`).join('');
  return `${q.object} may have been renamed:\n${options}  0) not renamed (drop it)\nChoice [leave it undecided]: `;
}

function answer(q: RenameQuestion, reply: string): string | null | undefined {
  const r = reply.trim().toLowerCase();
  if (q.candidates.length === 1) return r === '' || r === 'y' || r === 'yes' ? q.candidates[0] : r === 'n' || r === 'no' ? null : undefined;
  if (r === '0') return null;
  const n = Number(r);
  return Number.isInteger(n) && n >= 1 && n <= q.candidates.length ? q.candidates[n - 1] : undefined;
}

/** Asks on a terminal, one question per candidate. */
export function terminalAsker(terminal: Terminal): RenameAsker {
  return async (q) => {
    const rl = createInterface({ input: terminal.input, output: terminal.output });
    try {
      return answer(q, await rl.question(prompt(q)));
    } finally {
      rl.close();
    }
  };
}

/**
 * The compare options the flags ask for. --interactive only asks when stdin is a terminal: in CI it
 * is ignored with a note, never waiting for input (the hints file decides there).
 */
export function hazardOptionsFromArgs(args: Args, out?: Output, terminal: Terminal = { input: process.stdin, output: process.stderr }): CompareOptions {
  const hints = parseHints({ renames: args.rename, using: args.using, enumMaps: args.enumMap }, 'command line');
  const interactive = args.interactive === true && terminal.input.isTTY === true;
  if (args.interactive && !interactive) out?.info('--interactive ignored: stdin is not a terminal (renames follow the hints and the detector)');
  const policy = parsePolicyArgs(args.policy);
  return { hints, policy, online: args.online === true, ...(interactive ? { ask: terminalAsker(terminal) } : {}) };
}

export function hazardCommands(out: () => Output, setCode: (code: number) => void): CommandModule<any, any>[] {
  const lintCommand: CommandModule<any, any> = {
    command: 'lint [files..]',
    describe:
      'check migrations for error-level hazards nobody acknowledged (// ormdiff-ack: <CODE> <reason>), judged by the statements they run on a scratch database; exits 1 on one',
    builder: (y) =>
      y
        .positional('files', { type: 'string', array: true, describe: 'migration files or directories (default: the migrations directory)' })
        .option('format', { choices: ['text', 'json'] as const, default: 'text' as const })
        .option('scratch-url', { type: 'string', describe: 'server for the scratch database the migrations are replayed on (default: the configured one, else an embedded PostgreSQL)' }),
    handler: async (args: Args) => {
      const log = (line: string) => out().info(line);
      const report = await lint({ config: args.config, url: args.url, files: args.files, scratchUrl: args.scratchUrl, log });
      out().result(args.format === 'json' ? JSON.stringify({ blocking: report.blocking, results: report.results }, null, 2) : report.output);
      if (report.blocking) setCode(1);
    },
  };
  return [lintCommand];
}
