/**
 * The bench's clock: milliseconds on the machine's monotonic clock.
 *
 * `performance.timeOrigin + performance.now()` reads CLOCK_MONOTONIC (via libuv's hrtime)
 * offset by the wall-clock time at which this process started. The offset differs between
 * processes by however much the wall clock was adjusted between their starts, so the
 * harness never compares readings of two processes: a room's drawer and watchers all live
 * in one load-generator process, the drawer writes each point's send time into a side table
 * of that process, and the watcher reads it back on arrival.
 */
export function now(): number {
  return performance.timeOrigin + performance.now();
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Retries `check` until it returns a value other than null, or throws after `timeoutMs`. */
export async function waitFor<T>(
  what: string | (() => string),
  check: () => T | null | Promise<T | null>,
  timeoutMs: number,
  intervalMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`,
      );
    await sleep(intervalMs);
  }
}
