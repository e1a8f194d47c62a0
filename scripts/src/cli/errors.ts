/**
 * Exit codes of `scrawl`, and the errors that choose them. Every error carries a sentence
 * for people; a stack trace is printed only with DEBUG=1.
 */
export const ExitCode = {
  ok: 0,
  /** The command ran and found something wrong (verify), or what was named does not exist. */
  problems: 1,
  /** The command line is wrong, or a store or server cannot be reached. */
  usage: 2,
} as const;

/** A mistake in the command line: unknown command or option, missing argument. */
export class UsageError extends Error {
  readonly exitCode = ExitCode.usage;
  override readonly name = 'UsageError';
}

/** A store or server the command needs does not answer. */
export class UnreachableError extends Error {
  readonly exitCode = ExitCode.usage;
  override readonly name = 'UnreachableError';
}

/** What the command line names does not exist (a document, a room, a replay). */
export class NotFoundError extends Error {
  readonly exitCode = ExitCode.problems;
  override readonly name = 'NotFoundError';
}

/** The exit code an error stands for: 1 unless it says otherwise. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError || error instanceof UnreachableError) return error.exitCode;
  if (error instanceof NotFoundError) return error.exitCode;
  return ExitCode.problems;
}

/** Postgres error codes for a missing table or column: a schema older than the code. */
const OUTDATED_SCHEMA = new Set(['42P01', '42703']);

/**
 * Rewrites errors people can act on into sentences: a database whose schema is older than
 * this CLI reads as "run npm run db:migrate". Others pass unchanged.
 */
export function explain(error: unknown): unknown {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (typeof code === 'string' && OUTDATED_SCHEMA.has(code) && error instanceof Error) {
    return new UnreachableError(
      `The database's schema is older than this CLI (${error.message}): run npm run db:migrate.`,
    );
  }
  return error;
}
