import { eventually } from '@scrawl/collab-server/testing';

/**
 * Milliseconds from `from` until `check` holds, looked at every `intervalMs`; null if it does
 * not hold within `timeoutMs` (a figure then says "never").
 */
export function since(
  from: number,
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  intervalMs: number,
): Promise<number | null> {
  return eventually(
    async () => {
      if (!(await check())) throw new Error('not yet');
      return Date.now() - from;
    },
    { timeoutMs, intervalMs },
  ).catch(() => null);
}

/** The largest time, or 'never' if one never came. */
export function slowest(times: readonly (number | null)[]): number | string {
  return times.includes(null)
    ? 'never'
    : Math.max(0, ...times.filter((ms): ms is number => ms !== null));
}
