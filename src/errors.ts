/**
 * Errors a user can act on. Each carries the process exit code the CLI ends with and a one-line
 * message naming the culprit (file, entity, column, revision); the CLI prints only that line unless
 * --verbose.
 */
export const ExitCode = {
  ok: 0,
  changesFound: 1,
  usage: 2,
  database: 3,
  migrationFailed: 4,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class OrmdiffError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Missing or broken config, entity files, bad command-line input, a target the runner cannot honour. */
export class UsageError extends OrmdiffError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(oneLine(message), ExitCode.usage, options);
  }
}

/** Messages are meant for a terminal line: whitespace around line breaks collapses to one space. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** The database could not be reached, refused the login, or a catalog query failed. */
export class DatabaseError extends OrmdiffError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.database, options);
  }
}

export function exitCodeOf(error: unknown): number {
  const code = (error as { exitCode?: unknown })?.exitCode;
  return typeof code === 'number' ? code : 1;
}
