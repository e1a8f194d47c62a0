import { describe, expect, test } from '@jest/globals';
import type { ServerKind } from '../load/BenchRoom.js';
import type { StepResult } from '../runStep.js';
import type { SweepLimit, SweepResult } from '../sweep.js';
import { checkTargets, type BenchResults, type TargetCheck } from './results.js';

interface Figures {
  p50?: number;
  p99?: number;
  serverCpu?: number;
  generatorCpu?: number;
}

function step(kind: ServerKind, rooms: number, figures: Figures = {}): StepResult {
  const p50 = figures.p50 ?? 1;
  const p99 = figures.p99 ?? 10;
  return {
    kind,
    store: kind === 'scrawl' ? 'redis' : null,
    instances: 1,
    rooms,
    clientsPerRoom: 8,
    players: rooms * 8,
    measureSeconds: 10,
    latency: { p50, p95: p99, p99, max: p99, mean: p50, count: 1000 },
    sentPoints: 1000,
    sentStrokes: 10,
    lostPoints: 0,
    unfinishedStrokes: 0,
    serverCpu: figures.serverCpu ?? 0.3,
    helperCpu: 0,
    serverRssMb: 100,
    generatorCpu: figures.generatorCpu ?? 0.4,
    eventLoop: { p50: 1, p99: 2, max: 3 },
    wireBytesPerPoint: { strokes: 20, all: 22, drawerOut: 20 },
    drawerMessagesPerSecond: 40,
    drawerStrokeMessagesPerSecond: 40,
    deliveredMessagesPerSecond: 1000,
    pointsDeliveredPerSecond: 1000,
    stored: null,
    setupSeconds: 1,
    drainMs: 10,
    loadAverage: 1,
  };
}

function sweep(kind: ServerKind, steps: StepResult[], limit: SweepLimit): SweepResult {
  const held = steps.filter((s) => s.latency.p99 <= 50);
  return { kind, steps, capacity: held.at(-1)?.players ?? 0, limit };
}

function results(sweeps: SweepResult[], acceptance: StepResult | null): BenchResults {
  return {
    date: '2026-11-26',
    smoke: false,
    machine: { cpus: 2, model: 'test', node: '24', loadBefore: 0, loadAfter: 0 },
    pinned: true,
    settings: { clientsPerRoom: 8, warmupS: 2, measureS: 10, chat: true },
    trace: { strokes: 1, points: 1, seconds: 1 },
    sweeps,
    acceptance,
    redis: null,
    cold: [],
    profile: null,
    generatorProfile: null,
    failures: {},
  };
}

function target(checks: TargetCheck[], id: string): TargetCheck {
  const check = checks.find((c) => c.id === id);
  if (!check) throw new Error(`no target ${id}`);
  return check;
}

/**
 * Target 2 of a run whose Scrawl sweep stopped on p99 at 40 rooms (generator at 66 %) and
 * whose JSON relay held 100 rooms, against the given y-websocket sweep.
 */
function capacityCheck(ywebsocket: SweepResult): TargetCheck {
  const sweeps = [
    sweep(
      'scrawl',
      [step('scrawl', 20), step('scrawl', 40, { p99: 60, generatorCpu: 0.66 })],
      'p99',
    ),
    sweep('json', [step('json', 100)], 'last-step'),
    ywebsocket,
  ];
  return target(checkTargets(results(sweeps, null)), '2');
}

describe('checkTargets', () => {
  test('target 1 is met within its figures and then says nothing of the host', () => {
    const checks = checkTargets(results([], step('scrawl', 60, { p50: 2, p99: 20 })));
    expect(target(checks, '1')).toMatchObject({ met: true });
    expect(target(checks, '1').unmeasurable).toBeUndefined();
  });

  test('a missed target 1 is the server’s when the generator had room to spare', () => {
    const ys = sweep('ywebsocket', [step('ywebsocket', 60, { p99: 9 })], 'last-step');
    const acceptance = step('scrawl', 60, { p99: 90, generatorCpu: 0.6 });
    const check = target(checkTargets(results([ys], acceptance)), '1');
    expect(check.met).toBe(false);
    expect(check.unmeasurable).toBeUndefined();
  });

  test('a missed target 1 names the generator when it was past its bound, and the baseline that missed too', () => {
    const ys = sweep(
      'ywebsocket',
      [step('ywebsocket', 60, { p50: 9.4, p99: 304.7, serverCpu: 0.49, generatorCpu: 0.96 })],
      'generator-cpu',
    );
    const acceptance = step('scrawl', 60, { p99: 90, generatorCpu: 0.86 });
    const check = target(checkTargets(results([ys], acceptance)), '1');
    expect(check.met).toBe(false);
    expect(check.unmeasurable).toContain("the load generator's core was at 86 %");
    expect(check.unmeasurable).toContain(
      'y-websocket at the same step missed it too: p50 9.4 ms, p99 304.7 ms with its server at 49 % and the generator at 96 %',
    );
  });

  test('target 2 cannot be shown when y-websocket stopped on the generator below 1.5 × what the generator can drive of Scrawl', () => {
    const check = capacityCheck(
      sweep(
        'ywebsocket',
        [step('ywebsocket', 60), step('ywebsocket', 80, { serverCpu: 0.34, generatorCpu: 0.94 })],
        'generator-cpu',
      ),
    );
    expect(check.met).toBe(false);
    // y-websocket held 80 × 8 = 640; 1.5 × 640 = 960; 320 players at 66 % reach 80 % near 387.
    expect(check.unmeasurable).toContain('1.5 × it is 960 players');
    expect(check.unmeasurable).toContain('near 387');
    expect(check.unmeasurable).toContain('its server at 34 %');
  });

  test('target 2 is the server’s to miss when y-websocket stopped on latency', () => {
    const check = capacityCheck(sweep('ywebsocket', [step('ywebsocket', 60, { p99: 70 })], 'p99'));
    expect(check.met).toBe(false);
    expect(check.unmeasurable).toBeUndefined();
  });
});
