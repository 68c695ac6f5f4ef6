/** The yargs command modules; each parses its flags, calls one exported API function and prints. */
import type { CommandModule } from 'yargs';
import { diff, type DiffFormat } from '../api/diff';
import { ExitCode } from '../errors';
import type { GlobalArgs } from './main';
import type { Output } from './output';

// eslint-style escape hatch: yargs' inferred argument types do not survive a list of heterogeneous commands.
type Command = CommandModule<any, any>;

const projectOptions = (args: GlobalArgs & Record<string, unknown>) => ({
  config: args.config,
  url: args.url,
  include: args.include,
  exclude: args.exclude,
});

export function commands(out: () => Output, setCode: (code: number) => void): Command[] {
  const diffCommand: Command = {
    command: 'diff',
    describe: 'show what the database needs to match the entities (read-only)',
    builder: (y) =>
      y
        .option('format', { alias: 'f', choices: ['text', 'sql', 'markdown', 'json'] as const, default: 'text' as const })
        .option('exit-code', { type: 'boolean', describe: 'exit 1 when there are changes' }),
    handler: async (args) => {
      const result = await diff({ ...projectOptions(args), format: args.format as DiffFormat });
      if (result.output) out().result(result.output);
      if (!result.hasChanges) {
        // With --format sql the stdout must stay runnable SQL; the message goes to stderr.
        if (args.format === 'text') out().result('No changes detected');
        else out().info('No changes detected');
      }
      if (args.exitCode && result.hasChanges) setCode(ExitCode.changesFound);
    },
  };
  return [diffCommand];
}
