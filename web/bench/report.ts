/** The figures the benchmark page leaves on `window.__seekBench` (src/bench/seekBench.ts). */
export type BenchResult =
  | {
      readonly drawn: number;
      readonly strokes: number;
      readonly points: number;
      readonly updates: number;
      readonly keyframes: number;
      readonly bytes: number;
      readonly durationMs: number;
      readonly warmupMs: number;
      readonly identicalFrames: number;
      readonly timings: ReadonlyArray<{ readonly label: string; readonly ms: readonly number[] }>;
    }
  | { readonly error: string };

/** The acceptance target: a seek shows its frame in under this many ms. */
export const TARGET_MS = 50;

function at(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? NaN;
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`.padStart(9);
}

/** Prints the benchmark's figures as a small table, with the ratio to the baseline. */
export function printResult(result: BenchResult, browser: string): void {
  if ('error' in result) throw new Error(`the benchmark page failed: ${result.error}`);
  const minutes = result.durationMs / 60_000;
  console.log(
    `Replay seek benchmark in ${browser}: ${String(result.drawn)} strokes drawn over ` +
      `${String(minutes)} minutes, ${String(result.strokes)} left at the end after undos ` +
      `(${String(result.points)} points); ` +
      `${String(result.updates)} updates, ${String(result.keyframes)} keyframes, ` +
      `${(result.bytes / 1024).toFixed(0)} kB uncompressed.`,
  );
  console.log(
    `The viewer's checkpoint warm-up (one offscreen pass, in 8 ms slices) took ` +
      `${result.warmupMs.toFixed(0)} ms in all.`,
  );
  const seeks = result.timings[0]?.ms.length ?? 0;
  console.log(
    `${String(seeks)} random seeks, seek + render unless said:`.padEnd(54) +
      '   median       p95       max',
  );
  const baseline = result.timings.at(-1);
  const baselineMedian = baseline ? at(baseline.ms, 0.5) : NaN;
  for (const timing of result.timings) {
    const median = at(timing.ms, 0.5);
    const ratio =
      timing === baseline ? '' : `  (${(median / baselineMedian).toFixed(2)}× baseline)`;
    console.log(
      `  ${timing.label.padEnd(52)}${ms(median)} ${ms(at(timing.ms, 0.95))} ${ms(timing.ms.at(-1) ?? NaN)}${ratio}`,
    );
  }
  console.log(
    `Frames painted from checkpoints that equal a full repaint pixel for pixel: ` +
      `${String(result.identicalFrames)} of ${String(seeks)}.`,
  );
  const viewer = result.timings[1];
  if (viewer) {
    const worst = viewer.ms.at(-1) ?? NaN;
    console.log(
      `Target: under ${String(TARGET_MS)} ms a seek. The viewer's worst seek: ${worst.toFixed(1)} ms ` +
        `(${worst < TARGET_MS ? 'met' : 'NOT met'}).`,
    );
  }
}
