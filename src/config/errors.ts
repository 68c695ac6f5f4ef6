import { UsageError } from '../errors';

/**
 * A config or entity file ormdiff cannot use. The message is one line and names the file; the CLI
 * exits with `code` (2, a usage error).
 */
export class ConfigError extends UsageError {
  readonly code = 2;
}

/** The first line of whatever was thrown, for one-line messages. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').find((line) => line.trim() !== '')?.trim() ?? (error instanceof Error ? error.name : 'unknown error');
}
