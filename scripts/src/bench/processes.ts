import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sleep } from './clock.js';

/** The probe every server process loads first (event-loop delay over IPC). */
const PROBE = fileURLToPath(new URL('./probe.js', import.meta.url));

/** Whether `taskset` can pin processes to cores here. */
export function canPin(): boolean {
  return spawnSync('taskset', ['-c', '0', 'true']).status === 0;
}

/** Pins this process (all its threads) to `core`. */
export function pinSelf(core: number): void {
  spawnSync('taskset', ['-a', '-cp', String(core), String(process.pid)]);
}

/** A Node process the harness started, with an IPC channel. */
export interface BenchProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** The process id of Node itself (taskset execs it, so the ids agree). */
  readonly pid: number;
  readonly exited: Promise<number | string>;
  /** Resolves with the first IPC message that `accept` returns a value for. */
  next<T>(accept: (message: unknown) => T | null, timeoutMs: number): Promise<T>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it is gone. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts `script` in a new Node process on `core` (via taskset, when `core` is not null),
 * with the harness's probe preloaded when `probe` is set and extra Node flags in `nodeArgs`.
 * Output is passed through only for warnings and errors the process prints itself.
 */
export function startNode(
  name: string,
  script: string,
  options: {
    env?: NodeJS.ProcessEnv;
    core: number | null;
    probe?: boolean;
    nodeArgs?: readonly string[];
    args?: readonly string[];
    quiet?: boolean;
  },
): BenchProcess {
  const node = [
    ...(options.probe ? ['--import', PROBE] : []),
    ...(options.nodeArgs ?? []),
    script,
    ...(options.args ?? []),
  ];
  const [command, args] =
    options.core === null
      ? [process.execPath, node]
      : ['taskset', ['-c', String(options.core), process.execPath, ...node]];
  const child = spawn(command, args, {
    env: options.env ?? process.env,
    stdio: ['ignore', options.quiet ? 'ignore' : 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  const buffered: unknown[] = [];
  const waiters = new Set<(message: unknown) => boolean>();
  child.on('message', (message: unknown) => {
    for (const waiter of waiters) if (waiter(message)) return;
    buffered.push(message);
  });
  return {
    name,
    child,
    pid: child.pid ?? -1,
    exited,
    next<T>(accept: (message: unknown) => T | null, timeoutMs: number): Promise<T> {
      for (let i = 0; i < buffered.length; i++) {
        let value: T | null;
        try {
          value = accept(buffered[i]);
        } catch (error) {
          return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
        if (value !== null) {
          buffered.splice(i, 1);
          return Promise.resolve(value);
        }
      }
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`${name}: no answer within ${timeoutMs} ms`));
        }, timeoutMs);
        const waiter = (message: unknown): boolean => {
          let value: T | null;
          try {
            value = accept(message);
          } catch (error) {
            clearTimeout(timer);
            waiters.delete(waiter);
            reject(error instanceof Error ? error : new Error(String(error)));
            return true;
          }
          if (value === null) return false;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(value);
          return true;
        };
        waiters.add(waiter);
        void exited.then((code) => {
          if (!waiters.has(waiter)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          reject(new Error(`${name} exited (${code})`));
        });
      });
    },
    async stop(graceMs = 5000): Promise<void> {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const gone = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
      if (!gone) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** Waits for a service's `{type: 'ready', port}` message. */
export function ready(process: BenchProcess, timeoutMs = 30_000): Promise<number> {
  return process.next((message) => {
    const m = message as { type?: unknown; port?: unknown } | null;
    return m && m.type === 'ready' && typeof m.port === 'number' ? m.port : null;
  }, timeoutMs);
}
