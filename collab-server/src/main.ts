import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { loadConfig, requireConfig } from '@scrawl/protocol';
import { createDb } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { createLogger } from './logger.js';
import { initTracing } from './tracing.js';
import { createCollabServer } from './server.js';
import { RedisDocumentStore } from './store/RedisDocumentStore.js';
import { SqlDocumentStore } from './store/SqlDocumentStore.js';

/** The built web app, relative to this file once compiled (collab-server/dist/main.js). */
const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Starts the collab-server from environment variables; stops cleanly on SIGINT/SIGTERM. */
export async function main(env: NodeJS.ProcessEnv): Promise<void> {
  const config = requireConfig(loadConfig(env), [
    'DATABASE_URL',
    'SESSION_SECRET',
    'REFEREE_SECRET',
  ]);
  const instanceId = config.INSTANCE_ID ?? `collab-${hostname()}-${process.pid}`;
  const log = createLogger(config, 'collab-server', instanceId);
  const stopTracing = initTracing(
    config.OTEL_EXPORTER_OTLP_ENDPOINT,
    'scrawl-collab-server',
    instanceId,
  );

  const db = createDb(config.DATABASE_URL);
  const migrated = await migrateToLatest(db);
  if (migrated.applied.length > 0) log.info({ applied: migrated.applied }, 'database migrated');

  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { lazyConnect: true }) : null;
  if (redis) {
    redis.on('error', (error: Error) => log.warn({ err: error }, 'redis connection error'));
    await redis.connect();
  }
  const store = redis
    ? new RedisDocumentStore(redis, config.REDIS_PREFIX)
    : new SqlDocumentStore(db);
  const server = await createCollabServer({
    config,
    db,
    store,
    redis,
    log,
    webDist: config.WEB_DIST ?? DEFAULT_WEB_DIST,
    instanceId,
  });
  const port = await server.listen();
  const url = config.PUBLIC_URL ?? `http://${config.HOST}:${port}`;
  log.info({ url, store: redis ? 'redis' : 'sql' }, 'collab-server ready');
  process.send?.({ type: 'ready', port, url });
  answerHeapRequests();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'stopping: storing documents');
    await server.stop();
    await db.destroy();
    redis?.disconnect();
    await stopTracing().catch(() => {});
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  // Started by the launcher: stop with it, even if it was killed outright.
  process.on('disconnect', () => void stop('launcher gone'));
}

/**
 * A parent that started this process with --expose-gc and an IPC channel (the chaos suite)
 * may ask how much heap it keeps: collected first, so garbage awaiting collection does not
 * count. Without both, nothing listens.
 */
function answerHeapRequests(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!process.send || !gc) return;
  process.on('message', (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type !== 'heap?') return;
    gc();
    process.send?.({ type: 'heap', usedBytes: process.memoryUsage().heapUsed });
  });
}
