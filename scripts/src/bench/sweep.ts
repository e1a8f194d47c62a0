import type { ServerKind } from './load/BenchRoom.js';
import { runStep, type StepOptions, type StepResult } from './runStep.js';

/** The sweep's limit: a step whose p99 passes this has too many players. */
export const P99_LIMIT_MS = 50;
/** CPU share of the server core at which it counts as saturated. */
export const SATURATED_CPU = 0.95;
/**
 * Generator CPU share past which its own queueing shows in the latencies: the generator's
 * core also runs the harness, and at 87 % the baselines' tails already grew with it while
 * their servers idled at 30 % (2026-11-26).
 */
export const GENERATOR_BOUND_CPU = 0.8;

/** Why a sweep stopped. */
export type SweepLimit = 'p99' | 'server-cpu' | 'lost-updates' | 'generator-cpu' | 'last-step';

export interface SweepResult {
  readonly kind: ServerKind;
  readonly steps: readonly StepResult[];
  /** Players of the largest step held at p99 ≤ 50 ms with nothing lost (0 if none). */
  readonly capacity: number;
  readonly limit: SweepLimit;
}

/** Whether a step held: p99 within the limit and every point delivered. */
export function held(step: StepResult): boolean {
  return step.latency.p99 <= P99_LIMIT_MS && step.lostPoints === 0 && step.latency.count > 0;
}

/** Raises rooms step by step until p99 passes 50 ms or a core saturates. */
export async function sweep(
  kind: ServerKind,
  rooms: readonly number[],
  base: Omit<StepOptions, 'kind' | 'rooms'>,
  print: (line: string) => void,
): Promise<SweepResult> {
  const steps: StepResult[] = [];
  let capacity = 0;
  let limit: SweepLimit = 'last-step';
  for (const count of rooms) {
    const step = await runStep({ ...base, kind, rooms: count });
    steps.push(step);
    print(stepLine(step));
    if (held(step)) capacity = step.players;
    // A loaded generator is checked first: past it, a long tail is the generator's own, and
    // the capacity found is a lower bound of the server's.
    if (step.lostPoints > 0) limit = 'lost-updates';
    else if (step.generatorCpu >= GENERATOR_BOUND_CPU) limit = 'generator-cpu';
    else if (step.latency.p99 > P99_LIMIT_MS) limit = 'p99';
    else if (step.serverCpu + step.helperCpu >= SATURATED_CPU) limit = 'server-cpu';
    else continue;
    break;
  }
  return { kind, steps, capacity, limit };
}

/** One line per step for the terminal. */
export function stepLine(step: StepResult): string {
  const f = (value: number, digits = 1) => value.toFixed(digits);
  return [
    `${step.kind}${step.store ? `/${step.store}` : ''}${step.instances > 1 ? `×${step.instances}` : ''}`,
    `${step.rooms} rooms × ${step.clientsPerRoom} = ${step.players} players:`,
    `p50 ${f(step.latency.p50)} p95 ${f(step.latency.p95)} p99 ${f(step.latency.p99)} max ${f(step.latency.max)} ms`,
    `(${step.latency.count} point arrivals),`,
    `lost ${step.lostPoints}, server CPU ${f(step.serverCpu * 100, 0)}%`,
    step.helperCpu > 0 ? `+ referee ${f(step.helperCpu * 100, 0)}%,` : ',',
    `generator ${f(step.generatorCpu * 100, 0)}%, RSS ${f(step.serverRssMb, 0)} MB,`,
    `loop p99 ${f(step.eventLoop.p99)} ms, ${f(step.wireBytesPerPoint.strokes)} B/pt,`,
    `${f(step.drawerStrokeMessagesPerSecond)} msg/s/drawer, load ${f(step.loadAverage, 2)}`,
  ].join(' ');
}
