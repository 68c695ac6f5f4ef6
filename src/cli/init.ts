/** `ormdiff init`: scaffolds ormdiff into an existing TypeORM project (see scaffold.ts), adopting its migrations. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CommandModule } from 'yargs';
import type { Output } from './output';
import type { AdoptionSummary } from '../api/adoption';
import { messageOf } from '../db/connect';

/** Where an existing config keeps the migrations; undefined (init's default) when it cannot be loaded yet. */
async function configuredMigrationsDir(config: string): Promise<string | undefined> {
  const { openProject } = await import('../api/project');
  try {
    return (await openProject({ config }, { lazyEntities: true })).migrationsDir;
  } catch {
    return undefined;
  }
}

export function initCommand(out: () => Output): CommandModule<any, any> {
  return {
    command: 'init',
    describe: "add ormconfig.ts and the hints file to an existing TypeORM project, adopting its migrations as they are",
    builder: (y) =>
      y
        .option('data-source', { type: 'string', describe: "the project's DataSource file (default: found in src/)" })
        .option('migrations-dir', { type: 'string', describe: "where ormdiff keeps its migrations (default: the DataSource's migrations folder, else migrations)" }),
    handler: async (args: Record<string, any>) => {
      // Required here, not at the top: see commands.ts.
      const { openProject } = await import('../api/project');
      const { scaffold } = await import('../api/scaffold');
      const { adoptionSummary, formatAdoption } = await import('../api/adoption');
      const root = process.cwd();
      const config = args.config ?? 'ormconfig.ts';
      // A config that exists already says where the migrations are (its ormdiff settings or its DataSource's).
      const migrationsDir = args.migrationsDir ?? (existsSync(path.resolve(root, config)) ? await configuredMigrationsDir(config) : undefined);
      const result = scaffold({ root, config: args.config, dataSource: args.dataSource, migrationsDir });
      for (const step of result.steps) out().result(`${step.action.padEnd(7)} ${step.path}${step.note ? `  (${step.note})` : ''}`);
      for (const warning of result.warnings) out().warn(`warning: ${warning}`);
      let summary: AdoptionSummary | undefined;
      try {
        const project = await openProject({ config }, { lazyEntities: true });
        summary = adoptionSummary(project.migrationsDir, project.typeormTable);
        for (const line of formatAdoption(summary, path.relative(root, project.migrationsDir) || '.')) out().result(line);
      } catch (error) {
        // What was written stays; the one line says what keeps ormdiff from reading the project yet.
        out().warn(`warning: ${messageOf(error)}`);
      }
      out().info(
        summary?.adopted.length
          ? 'Next: ormdiff upgrade head (or keep running typeorm migration:run), ormdiff revision --autogenerate -m "…", ormdiff baseline <revision>'
          : "Next: ormdiff revision --autogenerate -m 'initial schema' (or ormdiff baseline to start from the database as it is)",
      );
    },
  };
}
