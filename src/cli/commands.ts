/**
 * The yargs command modules; each parses its flags, calls one exported API function and prints.
 * The API is required by the handler that runs, not here: every run builds all the commands (for
 * --help and for validation), and loading every command's modules would cost each run the start-up
 * of all of them (test/cli/startup.test.ts).
 */
import type { DiffFormat } from '../api/diff';
import type { Project } from '../api/project';
import { ExitCode } from '../errors';
import type * as Runner from '../runner';
import { type Args, type Command, projectOptions, withScratchUrl, withVersionSchema } from './args';
import type { Comparison } from '../api/compare';
import { addCompareOptions, compareOptionsFromArgs } from './compare-options';
import { progressCallbacks, type Output } from './output';

type RunnerModule = typeof Runner;
const loadRunner = (): Promise<RunnerModule> => import('../runner');


/** Creates the project's database first when it is missing, as a development tool is expected to. */
async function ensureDatabase(url: string, out: Output): Promise<void> {
  const { connectCreatingIfMissing } = await import('../db/databases');
  const client = await connectCreatingIfMissing(url, (name) => out.info(`Created database ${name}`));
  await client.end();
}

export function commands(out: () => Output, setCode: (code: number) => void): Command[] {
  const runOptions = async (args: Args, opts: { needsUrl: boolean }) => {
    const { openProject, requireUrl } = await import('../api/project');
    const project: Project = await openProject(projectOptions(args), { lazyEntities: true });
    const url = opts.needsUrl ? requireUrl(project) : project.url;
    return {
      project,
      options: {
        migrationsDir: project.migrationsDir,
        typeormTable: project.typeormTable,
        url,
        schema: project.versionSchema,
        ...progressCallbacks(out().progress('Migrating')),
      },
    };
  };

  /** A hint that matched nothing is most likely a typo; say so rather than ignore it. */
  const reportUnusedHints = (unused: Comparison['unusedHints']) => {
    for (const hint of unused) out().warn(`hint matched nothing: ${hint}`);
  };

  const diffCommand: Command = {
    command: 'diff',
    describe: 'show what the database needs to match the entities (read-only)',
    builder: (y) =>
      addCompareOptions(
        y
          .option('format', { alias: 'f', choices: ['text', 'sql', 'markdown', 'json'] as const, default: 'text' as const })
          .option('exit-code', { type: 'boolean', describe: 'exit 1 when there are changes' })
          .option('scratch-url', {
            type: 'string',
            describe: "server for a scratch database to spell the entities' expressions in, for a role without TEMPORARY on the database",
          }),
      ),
    handler: async (args: Args) => {
      const compare = { ...compareOptionsFromArgs(args, out()), normalizeOn: args.scratchUrl as string | undefined };
      const { diff } = await import('../api/diff');
      const result = await diff({ ...projectOptions(args), format: args.format as DiffFormat, compare });
      reportUnusedHints(result.comparison.unusedHints);
      if (result.output) out().result(result.output);
      // The text view lists warnings itself; with sql/markdown/json on stdout, a reviewer reading the
      // terminal still sees every hazard.
      if (args.format !== 'text') for (const w of result.comparison.plan.warnings) out().warn(`${w.code} ${w.severity}: ${w.message}`);
      if (!result.hasChanges) {
        // With --format sql the stdout must stay runnable SQL; the message goes to stderr.
        if (args.format === 'text') out().result('No changes detected');
        else out().info('No changes detected');
      }
      if (args.exitCode && result.hasChanges) setCode(ExitCode.changesFound);
    },
  };

  const revisionCommand: Command = {
    command: 'revision',
    describe: 'write a new migration (with --autogenerate: the changes the entities need)',
    builder: (y) =>
      withScratchUrl(withVersionSchema(
        addCompareOptions(y)
          .option('message', { alias: 'm', type: 'string', demandOption: true, describe: 'what the migration does' })
          .option('autogenerate', { type: 'boolean', describe: 'compare the entities with the database and fill in up/down' })
          .option('head', { type: 'string', describe: 'the revision the new one follows (default: the head)' })
          .option('rev-id', { type: 'string', describe: 'use this revision id instead of a random one' })
          .option('scratch', { type: 'boolean', describe: 'autogenerate against the migrations replayed into a scratch database, not the live one' }),
      )),
    handler: async (args: Args) => {
      const { revision } = await import('../api/revision');
      const result = await revision({
        onDatabaseCreated: (name) => out().info(`Created database ${name}`),
        ...projectOptions(args),
        message: args.message,
        autogenerate: args.autogenerate,
        head: args.head,
        revisionId: args.revId,
        versionSchema: args.versionSchema,
        scratch: args.scratch,
        scratchUrl: args.scratchUrl,
        ...progressCallbacks(out().progress('Autogenerating')),
        compare: compareOptionsFromArgs(args, out()),
      });
      if (result.kind === 'noChanges') {
        out().result('No changes detected');
        return;
      }
      for (const w of result.warnings) out().warn(`${w.code} ${w.severity}: ${w.message}`);
      out().result(`Generating ${result.path} ... done`);
    },
  };

  /** upgrade and downgrade take the same flags and differ only in direction and default target. */
  const migrateCommand = (direction: 'upgrade' | 'downgrade'): Command => ({
    command: direction === 'upgrade' ? 'upgrade [target]' : 'downgrade <target>',
    describe:
      direction === 'upgrade'
        ? 'apply migrations up to a target (head, heads, +N, <rev>, <rev>+N)'
        : 'revert migrations down to a target (-N, <rev>, base)',
    builder: (y) =>
      withVersionSchema(
        y
          .positional('target', direction === 'upgrade' ? { type: 'string', default: 'head' } : { type: 'string', demandOption: true })
          .option('sql', { type: 'boolean', describe: 'print the SQL instead of running it (offline)' })
          .option('allow-changed', { type: 'boolean', describe: 'accept applied migration files that changed since' })
          .option('retry-failed', { type: 'boolean', describe: 'go on after a half-done non-transactional migration was repaired' })
          .option('lock-timeout', { type: 'number', default: 60, describe: "seconds to wait for another run's lock" }),
      ),
    handler: async (args: Args) => {
      // An offline range (`start:end`) needs no database at all.
      const { project, options } = await runOptions(args, { needsUrl: !args.sql || !String(args.target).includes(':') });
      const runner = await loadRunner();
      const { connectExtensionsFor } = await import('../api/project');
      // Broken files or a target that names nothing must leave the server as it was: checked before the database is created.
      const graph = runner.validateMove({ migrationsDir: options.migrationsDir, sql: args.sql }, String(args.target));
      if (direction === 'upgrade' && !args.sql && options.url) await ensureDatabase(options.url, out());
      const result = await runner[direction]({
        ...options,
        graph,
        target: args.target,
        sql: args.sql,
        allowChanged: args.allowChanged,
        retryFailed: args.retryFailed,
        lockTimeoutMs: args.lockTimeout * 1000,
        extensions: connectExtensionsFor(project),
        warn: (line: string) => out().warn(line),
      });
      for (const e of result.extensions) if (e.status === 'created') out().info(`Created extension ${e.name} (TypeORM's DataSource creates it on connect)`);
      if (args.sql) out().result(result.sql);
    },
  });

  const currentCommand: Command = {
    command: 'current',
    describe: 'the revision(s) the database is at',
    builder: (y) => withVersionSchema(y),
    handler: async (args: Args) => {
      const { options } = await runOptions(args, { needsUrl: true });
      const runner = await loadRunner();
      const state = await runner.current(options);
      for (const head of state.heads) out().result(args.verbose ? runner.formatRevisionVerbose(head) : runner.formatRevisionLine(head));
      for (const unknown of state.unknown) out().result(`${unknown} (not found in ${options.migrationsDir})`);
      if (state.heads.length === 0 && state.unknown.length === 0) out().info('(base): no migration applied');
      for (const b of state.blocking) out().warn(`half-done non-transactional migration: ${JSON.stringify(b)}`);
    },
  };

  const historyCommand: Command = {
    command: 'history',
    describe: 'list revisions, newest first',
    // nargs: 1 lets the range start with a minus (`-r -1:current`) without being read as a flag.
    builder: (y) => withVersionSchema(y.option('rev-range', { alias: 'r', type: 'string', nargs: 1, describe: 'start:end (either side may be empty, current, a revision or relative)' })),
    handler: async (args: Args) => {
      const { options } = await runOptions(args, { needsUrl: false });
      const runner = await loadRunner();
      const entries = await runner.history({ ...options, range: args.revRange, verbose: args.verbose });
      for (const e of entries) out().result(args.verbose ? runner.formatRevisionVerbose(e, e.events) : runner.formatRevisionLine(e));
    },
  };

  const listing = (command: string, describe: string, list: 'heads' | 'branches' | 'show'): Command => ({
    command,
    describe,
    builder: (y) => withVersionSchema(y),
    handler: async (args: Args) => {
      const { options } = await runOptions(args, { needsUrl: false });
      const runner = await loadRunner();
      const fn = runner[list] as RunnerModule['heads'];
      const revisions = await fn({ ...options, ...(args.revision ? { revision: args.revision } : {}) } as never);
      for (const r of revisions) out().result(args.verbose || command.startsWith('show') ? runner.formatRevisionVerbose(r) : runner.formatRevisionLine(r));
    },
  });

  const stampCommand: Command = {
    command: 'stamp <revisions..>',
    describe: 'record revisions as applied without running them',
    builder: (y) =>
      withVersionSchema(
        y
          .positional('revisions', { type: 'string', array: true, demandOption: true })
          .option('sql', { type: 'boolean' })
          .option('purge', { type: 'boolean', describe: 'empty the version table first' }),
      ),
    handler: async (args: Args) => {
      const { options } = await runOptions(args, { needsUrl: true });
      const runner = await loadRunner();
      const result = await runner.stamp({ ...options, target: args.revisions, sql: args.sql, purge: args.purge });
      if (args.sql) out().result(runner.renderScript(result.statements));
      else out().info(`Stamped ${result.to.join(', ') || '(base)'}`);
    },
  };

  const mergeCommand: Command = {
    command: 'merge <revisions..>',
    describe: 'write a migration that joins several heads',
    builder: (y) =>
      y
        .positional('revisions', { type: 'string', array: true, demandOption: true })
        .option('message', { alias: 'm', type: 'string' })
        .option('rev-id', { type: 'string' }),
    handler: async (args: Args) => {
      const { openProject } = await import('../api/project');
      const project = await openProject(projectOptions(args), { lazyEntities: true });
      const runner = await loadRunner();
      const written = await runner.merge({
        migrationsDir: project.migrationsDir,
        revisions: args.revisions,
        message: args.message,
        revisionId: args.revId,
      });
      out().result(`Generating ${written.path} ... done`);
    },
  };

  const importCommand: Command = {
    command: 'import-typeorm',
    describe: "mark the revisions TypeORM's migrations table lists as applied",
    builder: (y) =>
      withVersionSchema(
        y
          .option('typeorm-table', { type: 'string', default: 'migrations' })
          .option('typeorm-schema', { type: 'string', default: 'public' })
          .option('sql', { type: 'boolean' }),
      ),
    handler: async (args: Args) => {
      const { options } = await runOptions(args, { needsUrl: true });
      const runner = await loadRunner();
      const result = await runner.importTypeorm({
        ...options,
        typeormTable: args.typeormTable,
        typeormSchema: args.typeormSchema,
        sql: args.sql,
      });
      if (args.sql) out().result(result.sql);
      out().info(`Imported ${result.imported.length} revision(s); heads: ${result.heads.join(', ') || '(base)'}`);
      for (const name of result.unmatched) out().warn(`not imported: ${name} (no migration file declares it)`);
    },
  };

  return [
    diffCommand,
    revisionCommand,
    migrateCommand('upgrade'),
    migrateCommand('downgrade'),
    currentCommand,
    historyCommand,
    listing('heads', 'list the heads of the revision graph', 'heads'),
    listing('branches', 'list the branch points', 'branches'),
    listing('show <revision>', 'show one revision', 'show'),
    stampCommand,
    mergeCommand,
    importCommand,
  ];
}
