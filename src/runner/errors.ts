/**
 * The runner's errors. Each carries the process exit code the CLI should use, and a one-line
 * message meant for a terminal: no stack, no newlines, never the password of the database URL.
 * They are OrmdiffErrors, so the CLI maps them to exit codes like every other error.
 */
import { ExitCode, ExitCodeValue, oneLine, OrmdiffError, UsageError } from '../errors';

export { oneLine, UsageError };
import { shortChecksum } from './checksum';

export class RunnerError extends OrmdiffError {
  constructor(message: string, exitCode: ExitCodeValue) {
    super(oneLine(message), exitCode);
  }
}

/** The migration files do not form a usable revision graph (missing parent, cycle, duplicate id, unloadable file). */
export class GraphError extends RunnerError {
  constructor(readonly problems: string[]) {
    super(summarizeProblems(problems), ExitCode.usage);
  }
}

const SHOWN_PROBLEMS = 3;

/**
 * One short line however many files are at fault (a folder of 195 unloadable files once made a 32 KB
 * line): the first few problems, each cut short, and how many more there are. `problems` keeps them all.
 */
export function summarizeProblems(problems: readonly string[]): string {
  const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => truncate(p, 400));
  const more = problems.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more problem(s) of the same kinds` : '');
}

/** `head` was asked for while the graph has several. */
export class MultipleHeadsError extends UsageError {
  constructor(readonly heads: string[], describe: (rev: string) => string = (r) => r) {
    super(
      `Multiple heads present: ${heads.map(describe).join(', ')}. ` +
        `Merge them with \`ormdiff merge -m "merge heads" heads\`, name one (\`ormdiff upgrade ${heads[0]}\`), ` +
        'or upgrade every branch with `ormdiff upgrade heads`.',
    );
  }
}

/** Autogenerate against a database that is behind (or beside) the migration files. */
export class NotUpToDateError extends UsageError {}

/** An applied migration's file no longer has the checksum recorded when it ran. */
export class ChangedMigrationError extends UsageError {
  constructor(readonly changed: Array<{ revision: string; file: string; recorded: string; actual: string }>) {
    super(
      `Applied migration file${changed.length > 1 ? 's have' : ' has'} changed since ${changed.length > 1 ? 'they were' : 'it was'} applied: ` +
        changed.map((c) => `${c.file} (revision ${c.revision}, recorded ${shortChecksum(c.recorded)}, now ${shortChecksum(c.actual)})`).join(', ') +
        '. Restore the file, or rerun with --allow-changed to accept the new content (recorded in the history table).',
    );
  }
}

/** The database could not be reached, or the runner's own queries on it failed. */
export class ConnectionError extends RunnerError {
  constructor(message: string) {
    super(message, ExitCode.database);
  }
}

/** Another run held the migration lock for longer than the timeout. */
export class LockTimeoutError extends ConnectionError {}

/** A migration failed while running; the message says what state the database was left in. */
export class MigrationError extends RunnerError {
  constructor(
    message: string,
    readonly revision: string,
    readonly file: string,
    readonly statement: string | undefined,
    readonly databaseMessage: string,
  ) {
    super(message, ExitCode.migrationFailed);
  }
}

/** A non-transactional migration failed or was interrupted part-way in an earlier run and nobody resolved it. */
export class PartialMigrationError extends RunnerError {
  constructor(message: string) {
    super(message, ExitCode.migrationFailed);
  }
}


export function truncate(text: string, max = 300): string {
  const flat = oneLine(text);
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

import { redactSecrets as scrub } from '../db/redact';

export { scrub };
export { redactUrl } from '../db/redact';

/**
 * Runs a command body so that whatever escapes it is scrubbed of the password: runner errors keep
 * their class and exit code, anything else is reported as it came (a bug, exit 1) but scrubbed too.
 */
export async function guarded<T>(url: string | undefined, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof Error) {
      const clean = scrub(err.message, url);
      if (clean !== err.message) err.message = clean;
      if (err.stack) err.stack = scrub(err.stack, url);
    }
    throw err;
  }
}
