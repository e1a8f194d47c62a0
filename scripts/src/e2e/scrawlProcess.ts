import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The compiled launcher, as `npm start` runs it (tests run from source, so not a sibling). */
const START = fileURLToPath(
  new URL('scripts/dist/bin/start.js', new URL('../../../', import.meta.url)),
);

/** `npm start`, as a test runs it: the launcher in its own process group. */
export interface ScrawlProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything the launcher printed so far. */
  output(): string;
  /** Sends a signal to the whole process group, as a terminal's Ctrl-C does. */
  signal(signal: NodeJS.Signals): void;
  /** Resolves with the launcher's exit code. */
  readonly exited: Promise<number | null>;
  /**
   * Stops everything the launcher started, as a test's teardown must: Ctrl-C, and whatever
   * is still alive after `graceMs` gets SIGKILL — the launcher's children included, which
   * sit in process groups of their own (livekit-server outlived a group SIGKILL).
   */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts the launcher (the compiled `npm start` entry) with the given environment and waits
 * for it to print its URL.
 */
export async function startScrawl(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<ScrawlProcess> {
  const child = spawn(process.execPath, [START], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const deadline = setTimeout(
      () => reject(new Error(`no URL after ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const check = () => {
      const match = /Scrawl is running: (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(deadline);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(deadline);
      reject(new Error(`the launcher exited (${code}) before printing its URL:\n${output}`));
    });
  });
  const signal = (name: NodeJS.Signals) => process.kill(-(child.pid ?? 0), name);
  return {
    child,
    url,
    output: () => output,
    signal,
    exited,
    stop: async (graceMs = 10_000) => {
      const family = [child.pid ?? 0, ...descendantsOf(child.pid ?? 0)];
      if (child.exitCode === null && child.signalCode === null) {
        signal('SIGINT');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          exited,
          new Promise((resolve) => (timer = setTimeout(resolve, graceMs))),
        ]);
        clearTimeout(timer);
      }
      for (const pid of family) {
        if (pid > 0 && isAlive(pid)) process.kill(pid, 'SIGKILL');
      }
    },
  };
}

/** A TCP port that was free a moment ago. */
export { freeTcpPort as freePort } from '../start/ports.js';

/** Process ids still alive in a process group (empty once everything has stopped). */
export function processGroupMembers(pgid: number): number[] {
  const ps = spawnSync('ps', ['-o', 'pid=', '-g', String(pgid)], { encoding: 'utf8' });
  return ps.stdout
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((pid) => pid > 0);
}

/** Every process whose parent chain leads to `pid` (children the launcher spawned). */
export function descendantsOf(pid: number): number[] {
  const ps = spawnSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  const children = new Map<number, number[]>();
  for (const line of ps.stdout.split('\n')) {
    const [child, parent] = line.trim().split(/\s+/).map(Number);
    if (!child || parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      found.push(c);
      walk(c);
    }
  };
  walk(pid);
  return found;
}

/** Whether a process exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
