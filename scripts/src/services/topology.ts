import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createDb, migrateToLatest } from '@scrawl/collab-server';
import { loadConfig } from '@scrawl/protocol';
import { startChild, stopChildren, type Child } from '../start/children.js';
import { startLocalVoice } from '../start/localVoice.js';
import type { LiveKitProcess } from '../start/livekit.js';
import { freeTcpPort, tcpPortIsFree } from '../start/ports.js';
import { loadOrCreateSecrets } from '../start/secrets.js';
import { writeNginxConfig } from './nginx.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface TopologyOptions {
  /** The public port (nginx). */
  port: number;
  dataDir: string;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  instances: number;
  referees: number;
  voice: boolean;
  env: NodeJS.ProcessEnv;
  print: (line: string) => void;
}

/** The running topology: its processes by name, and how to stop or kill them. */
export interface Topology {
  url: string;
  collab: Child[];
  referees: Child[];
  nginx: Child;
  collabPorts: number[];
  /** Starts another referee (after one was killed). */
  addReferee(): Child;
  stop(): Promise<void>;
}

/**
 * Services mode on loopback: the running Postgres and Redis, N collab-server instances on
 * Redis, M referees, LiveKit when available, and nginx in front routing each room's
 * WebSocket to one instance by room id.
 */
export async function startTopology(options: TopologyOptions): Promise<Topology> {
  const { print } = options;
  await ensureDatabase(options.databaseUrl);
  const db = createDb(options.databaseUrl, { max: 1 });
  await migrateToLatest(db);
  await db.destroy();
  const secrets = loadOrCreateSecrets(options.dataDir, options.env);

  let livekit: LiveKitProcess | null = null;
  const voiceEnv: Record<string, string> = {};
  const config = loadConfig(options.env);
  if (options.voice && !config.LIVEKIT_URL) {
    const started = await startLocalVoice(
      { apiKey: secrets.livekitKey, apiSecret: secrets.livekitSecret },
      `http://127.0.0.1:${options.port}/api/livekit/webhook`,
    );
    if (started.livekit) {
      livekit = started.livekit;
      Object.assign(voiceEnv, {
        LIVEKIT_URL: started.livekit.url,
        LIVEKIT_API_KEY: started.settings.apiKey,
        LIVEKIT_API_SECRET: started.settings.apiSecret,
      });
      print(`Voice: livekit-server at ${started.livekit.url}.`);
    } else print(`Voice is off: ${started.reason}.`);
  }

  const shared: NodeJS.ProcessEnv = {
    ...options.env,
    ...voiceEnv,
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    REDIS_PREFIX: options.redisPrefix,
    SESSION_SECRET: secrets.sessionSecret,
    REFEREE_SECRET: secrets.refereeSecret,
    TRUST_PROXY: 'true',
    HOST: '127.0.0.1',
    LOG_LEVEL: options.env.LOG_LEVEL ?? 'warn',
  };
  const children: Child[] = [];
  const collab: Child[] = [];
  const collabPorts: number[] = [];
  for (let i = 1; i <= options.instances; i++) {
    const port = await freeTcpPort();
    const child = startChild(`collab-server ${i}`, resolve(ROOT, 'collab-server/dist/bin.js'), {
      ...shared,
      PORT: String(port),
      INSTANCE_ID: `collab-${i}`,
    });
    children.push(child);
    collab.push(child);
    collabPorts.push(port);
  }
  await Promise.all(collab.map((child) => child.ready));

  const prefix = resolve(options.dataDir, 'nginx');
  const conf = writeNginxConfig(
    prefix,
    `127.0.0.1:${options.port}`,
    collabPorts.map((p) => `127.0.0.1:${p}`),
  );
  const nginx = startChild('nginx', '', shared, {
    command: 'nginx',
    args: ['-c', conf, '-p', prefix],
  });
  children.push(nginx);
  await waitForPort(options.port, nginx);

  const referees: Child[] = [];
  let refereeCount = 0;
  const addReferee = () => {
    refereeCount++;
    const child = startChild(`referee ${refereeCount}`, resolve(ROOT, 'referee/dist/bin.js'), {
      ...shared,
      COLLAB_URL: `ws://127.0.0.1:${options.port}/collab`,
      REFEREE_PORT: '0',
      INSTANCE_ID: `referee-${refereeCount}`,
    });
    children.push(child);
    referees.push(child);
    return child;
  };
  for (let i = 0; i < options.referees; i++) addReferee();
  await Promise.all(referees.map((child) => child.ready));

  return {
    url: `http://127.0.0.1:${options.port}`,
    collab,
    referees,
    nginx,
    collabPorts,
    addReferee,
    async stop() {
      await stopChildren([...referees, nginx, ...collab], 4500);
      await livekit?.stop();
    },
  };
}

/** Creates the database if it does not exist (the running Postgres may not have it yet). */
async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

async function waitForPort(port: number, child: Child): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (await tcpPortIsFree(port)) {
    if (child.process.exitCode !== null)
      throw new Error(`nginx exited (${child.process.exitCode})`);
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
