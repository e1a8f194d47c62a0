import { readFileSync } from 'node:fs';

/** Kernel clock ticks per second (USER_HZ; 100 on every Linux this runs on). */
const TICKS_PER_SECOND = 100;

/** CPU time a process has used so far (user + system), seconds; null if it is gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at state, field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Resident memory of a process now, bytes; null if it is gone. */
export function rssBytes(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** The machine's 1-minute load average. */
export function loadAverage(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}

/** Share of one core each process group used between two samples. */
export class CpuMeter {
  private readonly start = new Map<number, number>();
  private startedAt = 0;
  private peakRss = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly pids: readonly number[]) {}

  /** Starts the interval; RSS is sampled every second until {@link end}. */
  begin(): void {
    this.startedAt = performance.now();
    for (const pid of this.pids) this.start.set(pid, cpuSeconds(pid) ?? 0);
    this.sampleRss();
    this.timer = setInterval(() => this.sampleRss(), 1000);
  }

  /** CPU share (1 = one core) and peak RSS of each process over the interval. */
  end(): Map<number, { cpu: number; rss: number }> {
    if (this.timer) clearInterval(this.timer);
    this.sampleRss();
    const seconds = (performance.now() - this.startedAt) / 1000;
    const result = new Map<number, { cpu: number; rss: number }>();
    for (const pid of this.pids) {
      const used = (cpuSeconds(pid) ?? 0) - (this.start.get(pid) ?? 0);
      result.set(pid, { cpu: seconds > 0 ? used / seconds : 0, rss: this.peakRss.get(pid) ?? 0 });
    }
    return result;
  }

  private sampleRss(): void {
    for (const pid of this.pids) {
      const rss = rssBytes(pid) ?? 0;
      this.peakRss.set(pid, Math.max(this.peakRss.get(pid) ?? 0, rss));
    }
  }
}
