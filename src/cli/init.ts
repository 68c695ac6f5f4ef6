/** `ormdiff init`: scaffolds ormdiff into an existing TypeORM project (see scaffold.ts). */
import type { CommandModule } from 'yargs';
import type { Output } from './output';
import { scaffold } from '../api/scaffold';

export function initCommand(out: () => Output): CommandModule<any, any> {
  return {
    command: 'init',
    describe: 'add ormconfig.ts, migrations/ and the hints file to an existing TypeORM project',
    builder: (y) =>
      y
        .option('data-source', { type: 'string', describe: "the project's DataSource file (default: found in src/)" })
        .option('migrations-dir', { type: 'string', default: 'migrations', describe: 'where ormdiff keeps its migrations' }),
    handler: async (args: Record<string, any>) => {
      const result = scaffold({ root: process.cwd(), config: args.config, dataSource: args.dataSource, migrationsDir: args.migrationsDir });
      for (const step of result.steps) out().result(`${step.action.padEnd(7)} ${step.path}${step.note ? `  (${step.note})` : ''}`);
      for (const warning of result.warnings) out().warn(`warning: ${warning}`);
      out().info("Next: ormdiff revision --autogenerate -m 'initial schema' (or ormdiff import-typeorm for an existing migration history)");
    },
  };
}
