import { fileURLToPath } from 'node:url';
import { now, sleep } from './clock.js';
import { Histogram } from './Histogram.js';
import type { RoomPlan, RoomReport, ServerKind } from './load/BenchRoom.js';
import { fromWorkerSchema, type FromWorker, type MeterCounts } from './load/messages.js';
import { startNode, type BenchProcess } from './processes.js';
import { CpuMeter, loadAverage } from './procStats.js';
import {
  startTarget,
  type StoredBytes,
  type Target,
  type TargetOptions,
} from './targets/Target.js';

const WORKER = fileURLToPath(new URL('./load/worker.js', import.meta.url));
/** Rooms per load-generator process, at most (rooms are never split across processes). */
const ROOMS_PER_WORKER = 20;
/** Load-generator processes, at most: they share one core, so more only adds switching. */
const MAX_WORKERS = 4;

/** How one step runs. */
export interface StepOptions extends TargetOptions {
  readonly kind: ServerKind;
  readonly rooms: number;
  readonly clientsPerRoom: number;
  readonly warmupMs: number;
  readonly measureMs: number;
  /** How long watchers may take to receive the last points once drawing stops. */
  readonly drainMs: number;
  /** Core of the load generators, or null to leave them unpinned. */
  readonly generatorCore: number | null;
  readonly chat: boolean;
  /** Extra Node flags for the load generators (a CPU profile). */
  readonly generatorNodeArgs?: readonly string[];
}

export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
  readonly count: number;
}

/** Everything one step measured. */
export interface StepResult {
  readonly kind: ServerKind;
  readonly store: 'sql' | 'redis' | null;
  readonly instances: number;
  readonly rooms: number;
  readonly clientsPerRoom: number;
  readonly players: number;
  readonly measureSeconds: number;
  /** Drawer → watcher latency per point, ms. */
  readonly latency: Percentiles;
  readonly sentPoints: number;
  readonly sentStrokes: number;
  readonly lostPoints: number;
  readonly unfinishedStrokes: number;
  /** Server processes' CPU, share of one core (all instances), and the referee's. */
  readonly serverCpu: number;
  readonly helperCpu: number;
  readonly serverRssMb: number;
  /** Load generators' CPU, share of one core: near 1, the generator (not the server) limits. */
  readonly generatorCpu: number;
  /** Server event-loop delay over the window, ms (the worst instance). */
  readonly eventLoop: { p50: number; p99: number; max: number };
  /** Bytes on the wire (payload + WebSocket header) per point delivered to a watcher. */
  readonly wireBytesPerPoint: { strokes: number; all: number; drawerOut: number };
  /** Messages a drawer sent per second (all kinds), and those that carried strokes. */
  readonly drawerMessagesPerSecond: number;
  readonly drawerStrokeMessagesPerSecond: number;
  /** Stroke messages delivered to watchers per second, over all rooms. */
  readonly deliveredMessagesPerSecond: number;
  readonly pointsDeliveredPerSecond: number;
  readonly stored: (StoredBytes & { bytesPerPoint: number }) | null;
  readonly setupSeconds: number;
  readonly drainMs: number;
  readonly loadAverage: number;
}

/** Runs one step: fresh servers, rooms set up, warm-up, the measured window, drain, stop. */
export async function runStep(options: StepOptions): Promise<StepResult> {
  const target = await startTarget(options.kind, options);
  const workers: BenchProcess[] = [];
  try {
    return await measure(target, options, workers);
  } finally {
    await Promise.all(
      workers.map(async (worker) => {
        worker.child.send({ type: 'close' });
        await worker.stop(2000);
      }),
    );
    await target.stop();
  }
}

async function measure(
  target: Target,
  options: StepOptions,
  workers: BenchProcess[],
): Promise<StepResult> {
  const count = Math.min(MAX_WORKERS, Math.max(1, Math.ceil(options.rooms / ROOMS_PER_WORKER)));
  const plans: RoomPlan[][] = Array.from({ length: count }, () => []);
  for (let index = 0; index < options.rooms; index++) {
    plans[index % count]!.push({
      kind: options.kind,
      index,
      clients: options.clientsPerRoom,
      http: target.http,
      ws: target.ws,
      chat: options.chat,
    });
  }
  for (let i = 0; i < count; i++) {
    workers.push(
      startNode(`load generator ${i + 1}`, WORKER, {
        core: options.generatorCore,
        nodeArgs: options.generatorNodeArgs,
      }),
    );
  }
  const setupStarted = now();
  const answers = await Promise.all(
    workers.map((worker, i) => {
      worker.child.send({ type: 'setup', rooms: plans[i] });
      return worker.next(accept('ready'), 180_000);
    }),
  );
  const setupSeconds = (now() - setupStarted) / 1000;
  void answers;

  const results = workers.map((worker) =>
    worker.next(accept('result'), options.warmupMs + options.measureMs + options.drainMs + 60_000),
  );
  for (const worker of workers) {
    worker.child.send({
      type: 'start',
      warmupMs: options.warmupMs,
      measureMs: options.measureMs,
      drainMs: options.drainMs,
    });
  }
  await sleep(options.warmupMs);
  const sut = [...target.servers, ...target.helpers];
  const cpu = new CpuMeter([...sut, ...workers].map((p) => p.pid));
  cpu.begin();
  await Promise.all(target.servers.map((server) => loopDelay(server)));
  const windowStarted = now();
  await sleep(options.measureMs);
  const loops = await Promise.all(target.servers.map((server) => loopDelay(server)));
  const usage = cpu.end();
  const measureSeconds = (now() - windowStarted) / 1000;
  const reports = await Promise.all(results);

  const latency = new Histogram();
  const rooms: RoomReport[] = [];
  const counts: MeterCounts = {
    watcherBytesIn: 0,
    strokeBytesIn: 0,
    strokeMessagesIn: 0,
    pointsArrived: 0,
    drawerMessagesOut: 0,
    drawerStrokeMessagesOut: 0,
    drawerStrokeBytesOut: 0,
    chatSent: 0,
  };
  let drainMs = 0;
  for (const report of reports) {
    latency.merge(report.latency);
    rooms.push(...report.rooms);
    for (const key of Object.keys(counts) as (keyof MeterCounts)[])
      counts[key] += report.counts[key];
    drainMs = Math.max(drainMs, report.drainMs);
  }
  const sum = (pids: readonly BenchProcess[], field: 'cpu' | 'rss') =>
    pids.reduce((total, p) => total + (usage.get(p.pid)?.[field] ?? 0), 0);
  const sentPoints = rooms.reduce((s, r) => s + r.sentPoints, 0);
  const docs = rooms.flatMap((r) => r.canvasDocs);
  const stored = await target.storedBytes(docs);
  const perSecond = (value: number) => value / measureSeconds;
  const drawerSeconds = measureSeconds * options.rooms;
  return {
    kind: options.kind,
    store: target.store,
    instances: target.servers.length,
    rooms: options.rooms,
    clientsPerRoom: options.clientsPerRoom,
    players: options.rooms * options.clientsPerRoom,
    measureSeconds,
    latency: percentiles(latency),
    sentPoints,
    sentStrokes: rooms.reduce((s, r) => s + r.sentStrokes, 0),
    lostPoints: rooms.reduce((s, r) => s + r.lostPoints, 0),
    unfinishedStrokes: rooms.reduce((s, r) => s + r.unfinishedStrokes, 0),
    serverCpu: sum(target.servers, 'cpu'),
    helperCpu: sum(target.helpers, 'cpu'),
    serverRssMb: sum(target.servers, 'rss') / 2 ** 20,
    generatorCpu: sum(workers, 'cpu'),
    eventLoop: {
      p50: Math.max(0, ...loops.map((l) => l.p50)),
      p99: Math.max(0, ...loops.map((l) => l.p99)),
      max: Math.max(0, ...loops.map((l) => l.max)),
    },
    wireBytesPerPoint: {
      strokes: ratio(counts.strokeBytesIn, counts.pointsArrived),
      all: ratio(counts.watcherBytesIn, counts.pointsArrived),
      drawerOut: ratio(
        counts.drawerStrokeBytesOut,
        counts.pointsArrived / Math.max(1, options.clientsPerRoom - 1),
      ),
    },
    drawerMessagesPerSecond: counts.drawerMessagesOut / drawerSeconds,
    drawerStrokeMessagesPerSecond: counts.drawerStrokeMessagesOut / drawerSeconds,
    deliveredMessagesPerSecond: perSecond(counts.strokeMessagesIn),
    pointsDeliveredPerSecond: perSecond(counts.pointsArrived),
    stored: stored ? { ...stored, bytesPerPoint: ratio(stored.bytes, sentPoints) } : null,
    setupSeconds,
    drainMs,
    loadAverage: loadAverage(),
  };
}

function accept<K extends FromWorker['type']>(type: K) {
  return (message: unknown): Extract<FromWorker, { type: K }> | null => {
    const parsed = fromWorkerSchema.safeParse(message);
    if (!parsed.success) return null;
    if (parsed.data.type === 'error') throw new Error(`load generator: ${parsed.data.message}`);
    return parsed.data.type === type ? (parsed.data as Extract<FromWorker, { type: K }>) : null;
  };
}

async function loopDelay(server: BenchProcess): Promise<{ p50: number; p99: number; max: number }> {
  server.child.send({ type: 'bench/loop' });
  return server.next((message) => {
    const m = message as { type?: unknown; p50?: unknown; p99?: unknown; max?: unknown } | null;
    if (m?.type !== 'bench/loop/answer') return null;
    const finite = (value: unknown) =>
      typeof value === 'number' && Number.isFinite(value) ? value : 0;
    return { p50: finite(m.p50), p99: finite(m.p99), max: finite(m.max) };
  }, 10_000);
}

export function percentiles(histogram: Histogram): Percentiles {
  return {
    p50: histogram.quantile(0.5),
    p95: histogram.quantile(0.95),
    p99: histogram.quantile(0.99),
    max: histogram.quantile(1),
    mean: histogram.mean,
    count: histogram.count,
  };
}

function ratio(a: number, b: number): number {
  return b > 0 ? a / b : 0;
}
