import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeTcpPort } from '../../start/ports.js';
import { sleep } from '../context.js';

/** How long redis-server may take to answer PING (AOF replay included). */
const READY_TIMEOUT_MS = 20_000;

/**
 * A redis-server of a scenario's own, in a temporary directory on a free port, so killing it
 * never touches the machine's Redis that other tests use. It runs with append-only
 * persistence fsynced on every write (production runs AOF too: infra/compose), so a Redis
 * killed with SIGKILL and started again on the same directory still holds every write it
 * acknowledged. `destroy()` kills it and removes the directory.
 */
export class PrivateRedis {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  private constructor(
    private readonly dir: string,
    readonly port: number,
    private readonly logFd: number | 'ignore',
  ) {}

  static async start(logFd: number | 'ignore'): Promise<PrivateRedis> {
    const redis = new PrivateRedis(
      mkdtempSync(join(tmpdir(), 'scrawl-chaos-redis-')),
      await freeTcpPort(),
      logFd,
    );
    await redis.restart();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts redis-server on the port and directory; resolves once it answers PING. */
  async restart(): Promise<void> {
    if (this.child) throw new Error('redis-server is already running');
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--save',
        '',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: ['ignore', this.logFd, this.logFd] },
    );
    this.child = child;
    this.exited = new Promise((resolve) => {
      const gone = () => {
        if (this.child === child) this.child = null;
        resolve();
      };
      child.once('exit', gone);
      // Not started at all: redis-server is not installed.
      child.once('error', gone);
    });
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (!(await answersPing(this.port))) {
      if (!this.child)
        throw new Error(`redis-server (installed?) exited before it was ready on ${this.port}`);
      if (Date.now() > deadline) throw new Error(`redis-server was not ready in time`);
      await sleep(20);
    }
  }

  /** Kills redis-server with SIGKILL; resolves once it is gone. */
  async kill(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /** Kills it if it runs and removes its directory. */
  async destroy(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Whether a Redis on `port` answers PING with PONG (not LOADING, not refused). */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}
