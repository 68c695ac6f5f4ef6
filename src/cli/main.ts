/**
 * The `ormdiff` command: thin yargs commands over the exported API. Every failure ends as one line on
 * stderr (the stack only with --verbose) and a distinct exit code (see src/errors.ts).
 */
import yargs, { type Argv, type CommandModule } from 'yargs';
import packageJson from '../../package.json';
import { exitCodeOf, ExitCode, UsageError } from '../errors';
import { messageOf, roundTripCount } from '../db/connect';
import { runNotes, stageTimes } from '../timings';
import { createOutput, type Output } from './output';
import { commands } from './commands';
import { ciCommands } from './ci-commands';
import { lintCommands } from './lint-command';
import { historyCommands } from './history-commands';
import { initCommand } from './init';
import { knownOptions, usageMessage } from './usage';
import { loadEnvFiles } from './dotenv';

function parser(argv: string[], out: () => Output, setCode: (code: number) => void): Argv {
  const modules: CommandModule[] = [];
  let cli: Argv = yargs(argv)
    .scriptName('ormdiff')
    .usage('$0 <command> [options]')
    .option('config', { alias: 'c', type: 'string', describe: 'TypeORM config file (default ormconfig.ts)' })
    .option('url', { type: 'string', describe: 'database URL (default: DATABASE_URL, then the config)' })
    .option('include', { type: 'string', array: true, describe: 'only manage tables matching schema.table patterns' })
    .option('exclude', { type: 'string', array: true, describe: 'never touch tables matching schema.table patterns' })
    .option('verbose', { alias: 'v', type: 'boolean', describe: 'more output; stack traces on errors' })
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'only results and errors' })
    .option('json', { type: 'boolean', describe: 'messages as JSON lines on stderr (results stay on stdout)' })
    .middleware((args) => {
      for (const file of loadEnvFiles(process.cwd(), args.config as string | undefined)) out().debug(`Loaded ${file}`);
    })
    .demandCommand(1, 'name a command: ormdiff --help lists them')
    .strict()
    .recommendCommands()
    .help()
    .version(packageJson.version)
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(usageMessage(message, knownOptions(argv, cli, modules), argv.find((a) => !a.startsWith('-'))));
    });
  modules.push(...commands(out, setCode), ...ciCommands(out, setCode), ...lintCommands(out, setCode), ...historyCommands(out), initCommand(out) as CommandModule);
  for (const command of modules) cli = cli.command(command);
  return withoutHelpCache(cli);
}

/**
 * yargs renders the whole help text each time a command's handler starts, in case the handler fails
 * and yargs prints usage: some 20 ms of text wrapping on every run. Our failures go to `.fail()` above,
 * which never shows help, and `--help` renders its text itself, so the cache is never read: it is
 * turned off. (Internal API: if a yargs version lacks it, the cache stays on, which is only slower.)
 */
function withoutHelpCache(cli: Argv): Argv {
  const internal = cli as unknown as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } };
  const usage = internal.getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
  return cli;
}

export async function main(argv: string[]): Promise<number> {
  let output: Output | undefined;
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  const out = () => (output ??= createOutput({ quiet: argv.includes('--quiet') || argv.includes('-q'), verbose, json: argv.includes('--json') }));
  let code: number = ExitCode.ok;
  try {
    await parser(argv, out, (c) => (code = c)).parseAsync();
    return code;
  } catch (error) {
    out().error(`ormdiff: ${messageOf(error)}`);
    if (verbose && error instanceof Error && error.stack) out().error(error.stack);
    return exitCodeOf(error) === 1 && !(error as { exitCode?: number }).exitCode ? ExitCode.usage : exitCodeOf(error);
  }
}

/** `ORMDIFF_TIMINGS=1`: the run's stages, round trips and notes as JSON, read from the bundle's own module state. */
export function timingsLine(): string {
  return JSON.stringify({ stagesMs: stageTimes(), roundTrips: roundTripCount(), uptimeMs: Math.round(process.uptime() * 1000), ...runNotes() });
}
