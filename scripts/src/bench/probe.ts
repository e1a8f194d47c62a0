/**
 * Loaded into every server process the bench starts (`node --import probe.js …`): answers
 * `{type: 'bench/loop'}` over IPC with the event-loop delay since the last question
 * (perf_hooks' monitorEventLoopDelay, sampled every 10 ms, as prom-client does), in ms.
 * The server's own code is unchanged.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Sampling period of the delay monitor, ms. */
const RESOLUTION_MS = 10;

const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
delay.enable();

process.on('message', (message: unknown) => {
  if ((message as { type?: unknown } | null)?.type !== 'bench/loop') return;
  // The monitor records whole intervals between its samples: the delay is what exceeds one.
  const ms = (ns: number) => (Number.isFinite(ns) ? Math.max(0, ns / 1e6 - RESOLUTION_MS) : 0);
  process.send?.({
    type: 'bench/loop/answer',
    p50: ms(delay.percentile(50)),
    p99: ms(delay.percentile(99)),
    max: ms(delay.max),
    mean: ms(delay.mean),
  });
  delay.reset();
});
// Listening on IPC must not keep a process alive that would otherwise exit.
process.channel?.unref();
