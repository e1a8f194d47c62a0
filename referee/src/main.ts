import { hostname } from 'node:os';
import Fastify from 'fastify';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { pino } from 'pino';
import { loadConfig, requireConfig, voiceConfig, type Database } from '@scrawl/protocol';
import { LEASE_TTL_MS, LeaseStore } from './adapters/LeaseStore.js';
import { Referee } from './adapters/Referee.js';
import { liveKitVoice } from './adapters/voice.js';
import { createMetrics } from './metrics.js';
import { initTracing } from './tracing.js';

/** Starts the referee from environment variables; stops cleanly on SIGINT/SIGTERM. */
export async function main(env: NodeJS.ProcessEnv): Promise<void> {
  const config = requireConfig(loadConfig(env), ['DATABASE_URL', 'REFEREE_SECRET', 'COLLAB_URL']);
  const instanceId =
    config.INSTANCE_ID ?? `referee-${hostname()}-${process.pid}`.replace(/[^\w.-]/g, '-');
  const log = pino({ level: config.LOG_LEVEL, base: { service: 'referee', instance: instanceId } });

  const stopTracing = initTracing(config.OTEL_EXPORTER_OTLP_ENDPOINT, 'scrawl-referee', instanceId);
  const voice = voiceConfig(config);
  const pool = new pg.Pool({
    connectionString: config.DATABASE_URL,
    max: 4,
    connectionTimeoutMillis: 5000,
  });
  pool.on('error', () => {});
  // A client in use whose server vanishes emits 'error' on itself, not on the pool; without
  // a listener that would crash the process. Its query fails and is reported where it ran.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const referee = new Referee({
    collabUrl: config.COLLAB_URL,
    secret: config.REFEREE_SECRET,
    instanceId,
    pollMs: config.REFEREE_POLL_MS,
    db,
    leases: new LeaseStore(db, instanceId, LEASE_TTL_MS),
    log,
    ...(voice ? { voice: liveKitVoice(voice, log) } : {}),
  });
  const metrics = createMetrics(() => referee.roomCount);

  const health = Fastify();
  health.get('/healthz', async () => ({ ok: true }));
  health.get('/readyz', async (_request, reply) =>
    reply.status(referee.ready ? 200 : 503).send({ ok: referee.ready, rooms: referee.roomCount }),
  );
  health.get('/metrics', async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
  await health.listen({ host: config.HOST, port: config.REFEREE_PORT });
  referee.start();
  const address = health.server.address();
  const port = typeof address === 'object' && address ? address.port : config.REFEREE_PORT;
  log.info({ collab: config.COLLAB_URL, health: `http://${config.HOST}:${port}` }, 'referee ready');
  process.send?.({ type: 'ready', port });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info({ signal }, 'stopping: handing rooms back');
    await referee.stop();
    await health.close();
    await db.destroy();
    await stopTracing().catch(() => {});
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  // Started by the launcher: stop with it, even if it was killed outright.
  process.on('disconnect', () => void stop('launcher gone'));
}
