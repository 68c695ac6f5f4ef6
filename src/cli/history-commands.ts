/**
 * The commands that shape the migration history itself: `baseline` (where history ends, or the first
 * migration of a database that had none) and `squash` (a range replaced by one proven migration).
 */
import { type Args, type Command, projectOptions, withScratchUrl, withVersionSchema } from './args';
import type { Output } from './output';

export function historyCommands(out: () => Output): Command[] {
  const baselineCommand: Command = {
    command: 'baseline [revision]',
    describe:
      'mark a revision as the baseline (it and those before it are history: check and lint report their hazards as information, verify starts after it); ' +
      'without one, in a project with no migrations, write the database\'s schema as the first migration and mark it applied',
    builder: (y) =>
      withVersionSchema(
        y
          .positional('revision', { type: 'string', describe: 'the last historical revision (id, prefix, head)' })
          .option('message', { alias: 'm', type: 'string', describe: 'message of the written migration' }),
      ),
    handler: async (args: Args) => {
      // Required here, not at the top: see commands.ts.
      const { baseline } = await import('../api/baseline');
      const result = await baseline({ ...projectOptions(args), revision: args.revision, message: args.message, versionSchema: args.versionSchema });
      if (result.kind === 'marked') {
        out().result(`Baseline: ${result.revision} (${result.history} revision(s) are history)${result.previous ? `; was ${result.previous}` : ''}`);
      } else {
        out().result(`Generating ${result.path} ... done (${result.changes} change(s)); stamped ${result.revision} as applied and marked it the baseline`);
      }
    },
  };

  const squashCommand: Command = {
    command: 'squash <range>',
    describe: 'replace the migrations <from>:<to> by one with the same effect, proven on scratch databases first; it keeps <to>\'s id',
    builder: (y) =>
      withScratchUrl(
        y.positional('range', { type: 'string', demandOption: true, describe: '<from>:<to>, both included' }).option('message', { alias: 'm', type: 'string' }),
      ),
    handler: async (args: Args) => {
      const { squash } = await import('../api/squash');
      const result = await squash({
        ...projectOptions(args),
        range: args.range,
        message: args.message,
        scratchUrl: args.scratchUrl,
        log: out().progress('Squashing').log,
      });
      out().result(
        `${result.downNote ? `${result.downNote}\n` : ''}Squashed ${result.replaced.length} migrations (${result.replaced[0]} … ${result.revision}) into ${result.path}: ${result.up} up and ${result.down} down statement(s), proven on scratch databases`,
      );
    },
  };

  return [baselineCommand, squashCommand];
}
