/**
 * The comparison options `diff`, `revision` and `check` share (--rename, --using, --enum-map, --online,
 * --interactive, --policy), and the terminal asker behind --interactive.
 *
 *   builder: (y) => addCompareOptions(y.option(…)),
 *   handler: (args) => compareEntitiesWithDatabase(project, compareOptionsFromArgs(args, out())),
 */
import { createInterface } from 'node:readline/promises';
import type { Argv } from 'yargs';
import type { CompareOptions } from '../api/compare';
import { parseHints, type RenameAsker, type RenameQuestion } from '../api/hints';
import { parsePolicyArgs } from '../diff/policy';
import type { Args } from './args';
import type { Output } from './output';

export function addCompareOptions<T>(y: Argv<T>) {
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
export function compareOptionsFromArgs(args: Args, out?: Output, terminal: Terminal = { input: process.stdin, output: process.stderr }): CompareOptions {
  const hints = parseHints({ renames: args.rename, using: args.using, enumMaps: args.enumMap }, 'command line');
  const interactive = args.interactive === true && terminal.input.isTTY === true;
  if (args.interactive && !interactive) out?.info('--interactive ignored: stdin is not a terminal (renames follow the hints and the detector)');
  const policy = parsePolicyArgs(args.policy);
  return { hints, policy, online: args.online === true, ...(interactive ? { ask: terminalAsker(terminal) } : {}) };
}
