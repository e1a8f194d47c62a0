/** Runs of each measurement; the median is reported, which shrugs off a stray GC pause. */
const RUNS = 5;
/** Each run repeats the work until at least this long has passed, ms. */
const MIN_RUN_MS = 200;

/**
 * Points per second of `work`, which handles `points` points per call: warmed up first (so
 * the JIT has compiled it), then the median of {@link RUNS} timed runs.
 */
export function pointsPerSecond(points: number, work: () => void): number {
  work();
  work();
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < MIN_RUN_MS) {
      work();
      calls++;
      elapsed = performance.now() - start;
    }
    rates.push((points * calls * 1000) / elapsed);
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(RUNS / 2)] ?? 0;
}
