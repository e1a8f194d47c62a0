import { Worker } from 'node:worker_threads';
import { readFile } from 'node:fs/promises';

/**
 * The probe's loop, run in a worker thread: the suite's own process is busy (drawing
 * players, crafting attacks), and its lag must not count as the server's.
 */
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, intervalMs, timeoutMs } = workerData;
const result = { maxLatencyMs: 0, samples: 0, failures: 0 };
let running = true;
parentPort.on('message', () => { running = false; });
(async () => {
  while (running) {
    const started = performance.now();
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      await response.arrayBuffer();
      if (response.status !== 200) result.failures++;
    } catch {
      result.failures++;
    }
    result.samples++;
    result.maxLatencyMs = Math.max(result.maxLatencyMs, performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  parentPort.postMessage(result);
})();
`;

/**
 * Polls an HTTP endpoint (`/healthz`) on a fixed interval, from a worker thread, and keeps
 * the worst answer time: how the suite sees whether a process's event loop stays responsive
 * under attack or load. A request that takes longer than `timeoutMs` or does not answer 200
 * counts as a failure.
 */
export class HealthProbe {
  maxLatencyMs = 0;
  samples = 0;
  failures = 0;
  private worker: Worker | null = null;

  constructor(
    private readonly url: string,
    private readonly intervalMs = 100,
    private readonly timeoutMs = 1000,
  ) {}

  start(): void {
    const { url, intervalMs, timeoutMs } = this;
    this.worker = new Worker(PROBE, { eval: true, workerData: { url, intervalMs, timeoutMs } });
  }

  /** Stops polling; the figures are final once it resolves. */
  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    const result = new Promise<{ maxLatencyMs: number; samples: number; failures: number }>(
      (resolve) => worker.once('message', resolve),
    );
    worker.postMessage('stop');
    Object.assign(this, await result);
    await worker.terminate();
  }
}

/** Resident memory of a process, from /proc/<pid>/status (VmRSS), in bytes; null if gone. */
export async function residentBytes(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

/** One value of a collab-server's Prometheus /metrics (`scrawl_collab_<name>`); null if unreadable. */
export async function collabMetric(http: string, name: string): Promise<number | null> {
  try {
    const text = await (
      await fetch(`${http}/metrics`, { signal: AbortSignal.timeout(5000) })
    ).text();
    const value = new RegExp(`^scrawl_collab_${name} (\\S+)$`, 'm').exec(text)?.[1];
    return value === undefined ? null : Number(value);
  } catch {
    return null;
  }
}

/**
 * The longest a collab-server's event loop was late since /metrics was last read (reading
 * resets it), in seconds; null if unreadable. Lateness counts time the process was not run
 * (a busy machine) as well as time it was busy.
 */
export function eventLoopLagMaxSeconds(http: string): Promise<number | null> {
  return collabMetric(http, 'nodejs_eventloop_lag_max_seconds');
}
