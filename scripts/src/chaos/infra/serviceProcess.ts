import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_SECRETS } from '@scrawl/collab-server/testing';
import { spawnReferee } from '../../testing/refereeTakeover.js';

const COLLAB_BIN = fileURLToPath(new URL('../../../../collab-server/dist/bin.js', import.meta.url));
/** How long a service may take to report ready (migrations included). */
const READY_TIMEOUT_MS = 30_000;

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

/** A service binary run as its own process, its output appended to the scenario's log. */
export interface ServiceProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly pid: number;
  /** The HTTP port it reported ready on. */
  readonly port: number;
  readonly exited: Promise<Exit>;
  /** Whether the process is still running. */
  readonly alive: boolean;
  /** Sends a signal and resolves once the process is gone. */
  kill(signal: NodeJS.Signals): Promise<Exit>;
  /**
   * The JS heap the process keeps, collected first (a collab-server started by startCollab
   * answers; null from anything else, or after 5 s).
   */
  liveHeapBytes(): Promise<number | null>;
}

/** Waits for a spawned service to report ready over IPC. */
export async function watchService(name: string, child: ChildProcess): Promise<ServiceProcess> {
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} was not ready in time`)),
      READY_TIMEOUT_MS,
    );
    child.on('message', (message: { type?: unknown; port?: unknown }) => {
      if (message.type === 'ready' && typeof message.port === 'number') {
        clearTimeout(timer);
        resolve(message.port);
      }
    });
    void exited.then((exit) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before it was ready (${exit.code ?? exit.signal})`));
    });
  });
  return {
    name,
    child,
    pid: child.pid ?? 0,
    port,
    exited,
    get alive() {
      return child.exitCode === null && child.signalCode === null;
    },
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    liveHeapBytes() {
      return new Promise((resolve) => {
        const timer = setTimeout(() => done(null), 5000);
        const onMessage = (message: { type?: unknown; usedBytes?: unknown }) => {
          if (message.type === 'heap' && typeof message.usedBytes === 'number')
            done(message.usedBytes);
        };
        const done = (bytes: number | null) => {
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve(bytes);
        };
        child.on('message', onMessage);
        if (!child.connected || !child.send({ type: 'heap?' })) done(null);
      });
    },
  };
}

/** The collab-server on a given port (0: any), with the SQL store unless REDIS_URL is set. */
export function startCollab(
  name: string,
  env: { DATABASE_URL: string } & Record<string, string>,
  logFd: number | 'ignore',
): Promise<ServiceProcess> {
  // --expose-gc: the process answers liveHeapBytes() (collab-server main.ts).
  const child = spawn(process.execPath, ['--expose-gc', COLLAB_BIN], {
    env: {
      ...process.env,
      ...TEST_SECRETS,
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: '0',
      // Every client of the suite comes from 127.0.0.1.
      LIMIT_CONNECTIONS_PER_IP: '0',
      WEB_DIST: '/nonexistent',
      ...env,
    },
    stdio: ['ignore', logFd, logFd, 'ipc'],
  });
  return watchService(name, child);
}

/** A referee process (the shared spawner of the kill -9 test) driving one collab-server's rooms. */
export function startRefereeService(
  name: string,
  options: { databaseUrl: string; collabUrl: string },
  logFd: number | 'ignore',
): Promise<ServiceProcess> {
  return watchService(
    name,
    spawnReferee({ ...options, instanceId: name, stdio: ['ignore', logFd, logFd, 'ipc'] }),
  );
}
