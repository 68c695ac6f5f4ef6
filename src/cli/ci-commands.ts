/**
 * The commands a CI pipeline runs: `check` (entities, migrations and database agree, and no
 * migration holds an unacknowledged error-level warning) and `verify` (every migration reverses
 * cleanly). Both work on a scratch database, so neither needs a pre-migrated one; each exits 1 when
 * it finds a problem.
 */
import type { Argv } from 'yargs';
import type { CheckFormat } from '../api/check';
import { ExitCode } from '../errors';
import { type Args, type Command, projectOptions, withScratchUrl, withVersionSchema } from './args';
import { addCompareOptions, compareOptionsFromArgs } from './compare-options';
import { progressCallbacks, type Output } from './output';

const scratchOptions = <T>(y: Argv<T>) => withVersionSchema(withScratchUrl(y));

export function ciCommands(out: () => Output, setCode: (code: number) => void): Command[] {
  const common = (args: Args) => ({
    ...projectOptions(args),
    scratchUrl: args.scratchUrl as string | undefined,
    versionSchema: args.versionSchema as string | undefined,
    // Replaying many migrations takes a while: a status line on a terminal, quiet otherwise.
    ...progressCallbacks(out().progress('Replaying migrations')),
  });

  const checkCommand: Command = {
    command: 'check',
    describe:
      'exit 1 unless the entities, the migrations (replayed on a scratch database) and the database (if any) agree, ' +
      'and every error-level warning in the migrations is acknowledged (as `ormdiff lint`)',
    builder: (y) =>
      addCompareOptions(scratchOptions(y).option('format', { alias: 'f', choices: ['text', 'markdown', 'json'] as const, default: 'text' as const })),
    handler: async (args: Args) => {
      // Required here, not at the top: see commands.ts.
      const { check } = await import('../api/check');
      const result = await check({ ...common(args), format: args.format as CheckFormat, compare: compareOptionsFromArgs(args, out()) });
      out().result(result.output);
      if (!result.ok) setCode(ExitCode.changesFound);
    },
  };

  const verifyCommand: Command = {
    command: 'verify',
    describe: 'on a scratch database: each migration up → down → up, then upgrade heads → downgrade base → upgrade heads → check',
    builder: (y) => scratchOptions(y),
    handler: async (args: Args) => {
      const { verify } = await import('../api/verify');
      const result = await verify(common(args));
      out().result(result.output);
      if (!result.ok) setCode(ExitCode.changesFound);
    },
  };

  return [checkCommand, verifyCommand];
}
