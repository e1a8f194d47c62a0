import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import {
  COLLAB_PATH,
  RedisDocumentStore,
  SqlDocumentStore,
  createDb,
  redisKeys,
  type DocumentStore,
} from '@scrawl/collab-server';
import type { ServerKind } from '../load/BenchRoom.js';
import { ready, startNode, type BenchProcess } from '../processes.js';
import {
  BENCH_REDIS_URL,
  BENCH_SECRETS,
  benchRedisPrefix,
  createBenchDatabase,
  deleteRedisPrefix,
} from './services.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const BASELINES: Record<Exclude<ServerKind, 'scrawl'>, string> = {
  hocuspocus: fileURLToPath(new URL('../baselines/hocuspocusServer.js', import.meta.url)),
  json: fileURLToPath(new URL('../baselines/jsonRelay.js', import.meta.url)),
  ywebsocket: fileURLToPath(new URL('../baselines/yWebsocketServer.js', import.meta.url)),
};

/** Bytes a run left in the document store, and how many log entries hold them. */
export interface StoredBytes {
  readonly bytes: number;
  readonly entries: number;
  /** Redis: what MEMORY USAGE reports for the streams (entries, ids, fields, overhead). */
  readonly memory?: number;
}

/** The servers of one run: the system under test, started fresh. */
export interface Target {
  readonly kind: ServerKind;
  readonly store: 'sql' | 'redis' | null;
  readonly ws: readonly string[];
  readonly http: readonly string[];
  /** Server processes (pinned to the server core). */
  readonly servers: readonly BenchProcess[];
  /** Other processes of the system under test (the referee), on the server core too. */
  readonly helpers: readonly BenchProcess[];
  /** What the store holds for these documents (Scrawl only). */
  storedBytes(docs: readonly string[]): Promise<StoredBytes | null>;
  /** Scrawl's document store, opened in this process (to seed documents), or null. */
  openStore(): { store: DocumentStore; close(): Promise<void> } | null;
  stop(): Promise<void>;
}

export interface TargetOptions {
  /** Core of the server processes, or null to leave them unpinned. */
  readonly core: number | null;
  /** Scrawl: collab-server instances (more than one needs Redis). */
  readonly instances?: number;
  /** Scrawl: documents in Redis (else SQL). */
  readonly redis?: boolean;
  /** Extra Node flags of the collab-server (`--cpu-prof`, …). */
  readonly nodeArgs?: readonly string[];
}

/** Starts the servers of one kind and waits until they accept connections. */
export async function startTarget(kind: ServerKind, options: TargetOptions): Promise<Target> {
  if (kind !== 'scrawl') {
    const server = startNode(kind, BASELINES[kind], { core: options.core, probe: true });
    const port = await ready(server);
    return {
      kind,
      store: null,
      ws: [`ws://127.0.0.1:${port}`],
      http: [`http://127.0.0.1:${port}`],
      servers: [server],
      helpers: [],
      storedBytes: async () => null,
      openStore: () => null,
      stop: () => server.stop(),
    };
  }
  return startScrawl(options);
}

async function startScrawl(options: TargetOptions): Promise<Target> {
  const instances = options.instances ?? 1;
  const useRedis = options.redis === true || instances > 1;
  const database = await createBenchDatabase();
  const prefix = benchRedisPrefix();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...BENCH_SECRETS,
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    WEB_DIST: '/nonexistent',
    LIMIT_CONNECTIONS_PER_IP: '0',
    ...(useRedis ? { REDIS_URL: BENCH_REDIS_URL, REDIS_PREFIX: prefix } : {}),
  };
  const servers: BenchProcess[] = [];
  const helpers: BenchProcess[] = [];
  const stop = async () => {
    await Promise.all(helpers.map((p) => p.stop()));
    await Promise.all(servers.map((p) => p.stop()));
    await database.drop();
    if (useRedis) await deleteRedisPrefix(prefix);
  };
  try {
    const ports: number[] = [];
    for (let i = 0; i < instances; i++) {
      const server = startNode(`collab-server ${i + 1}`, `${ROOT}collab-server/dist/bin.js`, {
        env: { ...env, INSTANCE_ID: `bench-collab-${i + 1}` },
        core: options.core,
        probe: true,
        nodeArgs: options.nodeArgs ?? [],
      });
      servers.push(server);
      ports.push(await ready(server));
    }
    const ws = ports.map((port) => `ws://127.0.0.1:${port}${COLLAB_PATH}`);
    const referee = startNode('referee', `${ROOT}referee/dist/bin.js`, {
      env: { ...env, COLLAB_URL: ws[0], REFEREE_PORT: '0', INSTANCE_ID: 'bench-referee' },
      core: options.core,
      probe: true,
    });
    helpers.push(referee);
    await ready(referee);
    return {
      kind: 'scrawl',
      store: useRedis ? 'redis' : 'sql',
      ws,
      http: ports.map((port) => `http://127.0.0.1:${port}`),
      servers,
      helpers,
      storedBytes: (docs) => (useRedis ? redisBytes(prefix, docs) : sqlBytes(database.url, docs)),
      openStore: () => {
        if (useRedis) {
          const redis = new Redis(BENCH_REDIS_URL);
          return {
            store: new RedisDocumentStore(redis, prefix),
            close: async () => redis.disconnect(),
          };
        }
        const db = createDb(database.url, { max: 2 });
        return { store: new SqlDocumentStore(db), close: () => db.destroy() };
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function sqlBytes(url: string, docs: readonly string[]): Promise<StoredBytes> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ bytes: string | null; entries: string }>(
      'select sum(octet_length(update)) as bytes, count(*) as entries from document_updates where name = any($1)',
      [docs],
    );
    const row = result.rows[0];
    return { bytes: Number(row?.bytes ?? 0), entries: Number(row?.entries ?? 0) };
  } finally {
    await client.end();
  }
}

async function redisBytes(prefix: string, docs: readonly string[]): Promise<StoredBytes> {
  const redis = new Redis(BENCH_REDIS_URL);
  const keys = redisKeys(prefix);
  let bytes = 0;
  let entries = 0;
  let memory = 0;
  try {
    for (const doc of docs) {
      const key = keys.docLog(doc);
      for (const [, fields] of await redis.xrangeBuffer(key, '-', '+')) {
        entries++;
        for (let i = 0; i + 1 < fields.length; i += 2) {
          if (fields[i]!.toString() === 'u') bytes += fields[i + 1]!.length;
        }
      }
      const usage = await redis.call('MEMORY', 'USAGE', key);
      memory += typeof usage === 'number' ? usage : 0;
    }
    return { bytes, entries, memory };
  } finally {
    redis.disconnect();
  }
}
