import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TEMPLATE = fileURLToPath(new URL('../../../infra/livekit.yaml', import.meta.url));

/** Where livekit-server is looked for: PATH (as livekit-server or server), then ~/go/bin. */
export function findLiveKitServer(): string | null {
  for (const name of ['livekit-server', 'server']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    const path = found.stdout.trim();
    if (found.status === 0 && path && isLiveKit(path)) return path;
  }
  const goBin = join(homedir(), 'go', 'bin', 'server');
  return existsSync(goBin) && isLiveKit(goBin) ? goBin : null;
}

function isLiveKit(path: string): boolean {
  const version = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 5000 });
  return (
    version.status === 0 &&
    /livekit-server|^\S+ version \d/i.test(`${version.stdout}${version.stderr}`)
  );
}

/** The ports and keys of one LiveKit server on loopback. */
export interface LiveKitSettings {
  port: number;
  tcpPort: number;
  udpPort: number;
  turnPort: number;
  relayStart: number;
  relayEnd: number;
  apiKey: string;
  apiSecret: string;
  webhookUrl: string;
}

/** infra/livekit.yaml with its placeholders filled in. */
export function renderLiveKitConfig(settings: LiveKitSettings): string {
  const values: Record<string, string> = {
    LIVEKIT_PORT: String(settings.port),
    LIVEKIT_TCP_PORT: String(settings.tcpPort),
    LIVEKIT_UDP_PORT: String(settings.udpPort),
    LIVEKIT_TURN_PORT: String(settings.turnPort),
    LIVEKIT_RELAY_START: String(settings.relayStart),
    LIVEKIT_RELAY_END: String(settings.relayEnd),
    LIVEKIT_API_KEY: settings.apiKey,
    LIVEKIT_API_SECRET: settings.apiSecret,
    WEBHOOK_URL: settings.webhookUrl,
  };
  return readFileSync(TEMPLATE, 'utf8').replace(
    /\$\{(\w+)\}/g,
    (whole, name: string) => values[name] ?? whole,
  );
}

/** A running livekit-server. */
export interface LiveKitProcess {
  process: ChildProcess;
  /** What browsers connect to. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts livekit-server with the loopback config and waits until it answers HTTP.
 * @throws Error when it exits or does not answer within `timeoutMs`.
 */
export async function startLiveKit(
  binary: string,
  settings: LiveKitSettings,
  timeoutMs = 15_000,
): Promise<LiveKitProcess> {
  const child = spawn(binary, ['--config-body', renderLiveKitConfig(settings)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(
        `livekit-server exited (${child.exitCode}): ${errors.trim().split('\n').at(-1) ?? ''}`,
      );
    try {
      const response = await fetch(`http://127.0.0.1:${settings.port}/`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`livekit-server did not answer within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    process: child,
    url: `ws://127.0.0.1:${settings.port}`,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
