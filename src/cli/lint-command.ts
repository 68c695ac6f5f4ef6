/** `ormdiff lint`: the migration-file linter's command-line surface. */
import type { Args, Command } from './args';
import type { Output } from './output';

export function lintCommands(out: () => Output, setCode: (code: number) => void): Command[] {
  const lintCommand: Command = {
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
      // Required here, not at the top: see commands.ts.
      const { lint } = await import('../api/lint');
      const report = await lint({ config: args.config, url: args.url, files: args.files, scratchUrl: args.scratchUrl, log });
      out().result(args.format === 'json' ? JSON.stringify({ blocking: report.blocking, results: report.results }, null, 2) : report.output);
      if (report.blocking) setCode(1);
    },
  };
  return [lintCommand];
}
