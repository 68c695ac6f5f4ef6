/**
 * What every command module shares, below them all: the global arguments, the loose types yargs'
 * heterogeneous command lists need, and the options more than one command takes, each written once.
 */
import type { Argv, CommandModule } from 'yargs';

export interface GlobalArgs {
  config?: string;
  url?: string;
  verbose?: boolean;
  quiet?: boolean;
  include?: string[];
  exclude?: string[];
}

// yargs' inferred argument types do not survive a list of heterogeneous commands.
export type Command = CommandModule<any, any>;
export type Args = GlobalArgs & Record<string, any>;

export const projectOptions = (args: Args) => ({
  config: args.config,
  url: args.url,
  include: args.include,
  exclude: args.exclude,
  versionSchema: args.versionSchema,
});

export const withVersionSchema = <T>(y: Argv<T>) =>
  y.option('version-schema', { type: 'string', describe: "schema of ormdiff's version and history tables (default public)" });

export const withScratchUrl = <T>(y: Argv<T>) =>
  y.option('scratch-url', { type: 'string', describe: 'server for the scratch database (default: the configured one, else an embedded PostgreSQL)' });
