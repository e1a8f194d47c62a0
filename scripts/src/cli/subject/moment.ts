import { UsageError } from '../errors.js';
import type { Ref } from './resolveRef.js';

/**
 * Applies `--at SECONDS` to a reference: only a finished turn's replay has a clock, and the
 * moment may be given once (`CODE/3@10` or `--at 10`).
 */
export function withMoment(ref: Ref, atText: string | undefined): Ref {
  if (atText === undefined) return ref;
  const seconds = Number(atText);
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new UsageError('--at must be a number of seconds, 0 or more.');
  if (ref.kind !== 'replay') {
    throw new UsageError(
      "--at applies to a finished turn's replay (CODE/<n>): a stored document keeps no clock for its folded state.",
    );
  }
  if (ref.atSeconds !== null)
    throw new UsageError('Give the moment once: CODE/<n>@SECONDS or --at SECONDS.');
  return { ...ref, atSeconds: seconds };
}
