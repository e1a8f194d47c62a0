import { Store } from './Store';

/** One round trip to `GET /api/time`, all in ms. */
export interface ClockSample {
  /** Client clock (`Date.now()`) when the answer arrived. */
  readonly receivedAt: number;
  /** Time the request took, measured with a monotonic clock. */
  readonly roundTrip: number;
  /** The server's clock in the answer. */
  readonly serverNow: number;
}

/**
 * The server clock minus the client clock, from a few samples: the sample with the shortest
 * round trip has the least uncertainty, and the server read its clock about half-way
 * through it. Null without samples.
 */
export function offsetFromSamples(samples: readonly ClockSample[]): number | null {
  let best: ClockSample | null = null;
  for (const sample of samples) {
    if (!Number.isFinite(sample.roundTrip) || sample.roundTrip < 0) continue;
    if (!best || sample.roundTrip < best.roundTrip) best = sample;
  }
  if (!best) return null;
  return best.serverNow + best.roundTrip / 2 - best.receivedAt;
}

/** Samples taken per sync: enough that one of them is usually quick. */
const SAMPLES = 5;
/** Clocks drift slowly; once every few minutes keeps countdowns right. */
const RESYNC_MS = 5 * 60_000;

/**
 * The server's time as seen from this browser: deadlines in the game document are server
 * epoch ms, and a browser whose clock is off by a minute must still count down correctly.
 */
export class ServerClock {
  /** Server minus client clock, ms: the last measured (kept across visits), else 0. */
  readonly offset: Store<number>;
  private lastSync = -Infinity;
  private syncing: Promise<void> | null = null;

  constructor(
    private readonly fetchNow: () => Promise<{ now: number }>,
    private readonly memory: { load(): number | null; save(offset: number): void } | null = null,
  ) {
    this.offset = new Store(memory?.load() ?? 0);
  }

  /** The server's current time, estimated. */
  readonly now = (): number => Date.now() + this.offset.get();

  /** Measures the offset again, unless that happened recently (or `force`). */
  sync(force = false): Promise<void> {
    if (this.syncing) return this.syncing;
    if (!force && performance.now() - this.lastSync < RESYNC_MS) return Promise.resolve();
    this.syncing = this.measure().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  private async measure(): Promise<void> {
    const samples: ClockSample[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const started = performance.now();
      try {
        const { now } = await this.fetchNow();
        const roundTrip = performance.now() - started;
        samples.push({ receivedAt: Date.now(), roundTrip, serverNow: now });
      } catch {
        // A failed sample is skipped; the others still count.
      }
    }
    const offset = offsetFromSamples(samples);
    if (offset === null) return;
    this.lastSync = performance.now();
    this.offset.set(Math.round(offset));
    this.memory?.save(Math.round(offset));
  }
}
