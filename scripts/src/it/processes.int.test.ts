import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_SECRETS, createTestDatabase, eventually } from '@scrawl/collab-server/testing';

const COLLAB_BIN = fileURLToPath(new URL('../../../collab-server/dist/bin.js', import.meta.url));
const REFEREE_BIN = fileURLToPath(new URL('../../../referee/dist/bin.js', import.meta.url));

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const started: ChildProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
  await database.drop();
});

/** Starts a service binary with an IPC channel; resolves with the port it reports. */
function startService(
  bin: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [bin], {
    env: { ...process.env, ...TEST_SECRETS, LOG_LEVEL: 'warn', DATABASE_URL: database.url, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  started.push(child);
  return new Promise((resolve, reject) => {
    child.on('message', (message: { type?: string; port?: number }) => {
      if (message.type === 'ready' && typeof message.port === 'number')
        resolve({ child, port: message.port });
    });
    child.on('exit', (code) => reject(new Error(`${bin} exited with ${code}`)));
  });
}

function stop(child: ChildProcess): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve({ code, ms: Date.now() - started }));
    child.kill('SIGTERM');
  });
}

describe('service processes', () => {
  it('serve health, readiness and metrics, and stop cleanly on SIGTERM', async () => {
    const collab = await startService(COLLAB_BIN, { PORT: '0' });
    const referee = await startService(REFEREE_BIN, {
      REFEREE_PORT: '0',
      COLLAB_URL: `ws://127.0.0.1:${collab.port}/collab`,
    });
    for (const { port, prefix } of [
      { port: collab.port, prefix: 'scrawl_collab_' },
      { port: referee.port, prefix: 'scrawl_referee_' },
    ]) {
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      await eventually(async () =>
        expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200),
      );
      expect(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).toContain(prefix);
    }
    for (const child of [referee.child, collab.child]) {
      const stopped = await stop(child);
      expect(stopped.code).toBe(0);
      expect(stopped.ms).toBeLessThan(5000);
    }
  });

  it.each([
    [COLLAB_BIN, { SESSION_SECRET: '' }, /SESSION_SECRET must be set/],
    [COLLAB_BIN, { PORT: '99999' }, /PORT must be an integer 1–65535/],
    [
      REFEREE_BIN,
      { COLLAB_URL: 'http://x' },
      /COLLAB_URL must be a URL starting with ws:\/\/ or wss:\/\//,
    ],
    [REFEREE_BIN, { REFEREE_SECRET: 'short' }, /REFEREE_SECRET must be at least 32 characters/],
  ])('%s stops with a sentence naming a bad variable', (bin, env, message) => {
    const result = spawnSync(process.execPath, [bin], {
      env: {
        ...process.env,
        ...TEST_SECRETS,
        DATABASE_URL: database.url,
        COLLAB_URL: 'ws://127.0.0.1:1/collab',
        ...env,
      },
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
  });

  it('refuses to start on a Node.js older than 22, saying why', () => {
    const system = spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' });
    const major = Number(/^v(\d+)/.exec(system.stdout ?? '')?.[1] ?? 0);
    const result = spawnSync('/usr/bin/node', [COLLAB_BIN], {
      env: { ...process.env, PORT: 'abc' },
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect(result.status).toBe(1);
    // On an old system Node the version check speaks first; on a new one, the config check.
    expect(result.stderr).toMatch(
      major < 22 ? /Scrawl needs Node\.js 22 or newer, but this is Node\.js/ : /PORT must be/,
    );
  });
});
