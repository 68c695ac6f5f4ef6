/**
 * The comparison options `diff`, `revision` and `check` share (--rename, --using, --enum-map, --online,
 * --interactive, --policy), and the terminal asker behind --interactive.
 *
 *   builder: (y) => addCompareOptions(y.option(…)),
 *   handler: (args) => compareEntitiesWithDatabase(project, compareOptionsFromArgs(args, out())),
 */
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

/** A value no candidate can take (a name is never empty): the choice that leaves the decision as it is. */
const UNDECIDED = '';

/**
 * Asks on a terminal (@inquirer/prompts): yes/no for one candidate, a list for several. Escape or
 * Ctrl-C on the question leaves the rename as the hints and the detector decide.
 */
export function terminalAsker(terminal: Terminal): RenameAsker {
  const context = { input: terminal.input, output: terminal.output, clearPromptOnDone: false };
  return async (q) => {
    // Only --interactive on a terminal asks anything: the prompts (some 40 modules) are required then.
    const { confirm, select } = await import('@inquirer/prompts');
    try {
      if (q.candidates.length === 1) {
        return (await confirm({ message: `Was ${q.object} renamed to ${q.candidates[0]}?`, default: true }, context)) ? q.candidates[0] : null;
      }
      const choice = await select<string | null>(
        {
          message: `${q.object} may have been renamed:`,
          choices: [
            ...q.candidates.map((c) => ({ name: `renamed to ${c}`, value: c })),
            { name: 'not renamed (drop it)', value: null },
            { name: 'leave it undecided', value: UNDECIDED },
          ],
          default: UNDECIDED,
        },
        context,
      );
      return choice === UNDECIDED ? undefined : choice;
    } catch (error) {
      if ((error as Error).name === 'ExitPromptError' || (error as Error).name === 'AbortPromptError') return undefined;
      throw error;
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
