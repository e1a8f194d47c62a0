import { Hocuspocus } from '@hocuspocus/server';
import { trace, type Span } from '@opentelemetry/api';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { DEFAULT_WRITE_LIMITS } from '@scrawl/drawing-engine';
import { parseDocName, voiceConfig, type Config } from '@scrawl/protocol';
import type { Db } from './db/database.js';
import { registerApi } from './http/api.js';
import { registerReplays } from './http/replays.js';
import { registerVoice } from './http/voice.js';
import { ReplayArchiver } from './replay/ReplayArchiver.js';
import { registerWebApp } from './http/webApp.js';
import { VoiceService } from './voice/VoiceService.js';
import { activityExtension } from './collab/activityExtension.js';
import { authExtension } from './collab/authExtension.js';
import { guardExtension } from './collab/guardExtension.js';
import { DrawerRegistry } from './collab/DrawerRegistry.js';
import { PeerAwareRedis } from './collab/PeerAwareRedis.js';
import { presenceExtension } from './collab/presenceExtension.js';
import { senderEchoExtension } from './collab/senderEchoExtension.js';
import { SocketLimiters } from './collab/RateLimiter.js';
import { RpcBus } from './collab/RpcBus.js';
import { rpcExtension } from './collab/rpcExtension.js';
import { attachCollabWebSocket } from './collab/websocket.js';
import { createMetrics, type Metrics } from './metrics.js';
import { RoomRepository } from './rooms/RoomRepository.js';
import type { DocumentStore } from './store/DocumentStore.js';
import { PersistenceExtension } from './store/persistenceExtension.js';
import { redisKeys } from './store/redisKeys.js';
import { TracedDocumentStore } from './store/TracedDocumentStore.js';
import { contextFrom } from './tracing.js';

/** How often each loaded document re-syncs with other instances through Redis. */
export const RESYNC_INTERVAL_MS = 10_000;
/** How long a graceful stop waits for documents to be stored before giving up. */
export const STOP_TIMEOUT_MS = 4000;

export interface CollabServerDeps {
  config: Config & { SESSION_SECRET: string; REFEREE_SECRET: string };
  db: Db;
  store: DocumentStore;
  /** Set in services mode: pub/sub between instances and RPC fan-out. */
  redis: Redis | null;
  log: Logger;
  /** Directory of the built web app. */
  webDist: string;
  instanceId: string;
}

export interface CollabServer {
  app: FastifyInstance;
  hocuspocus: Hocuspocus;
  metrics: Metrics;
  persistence: PersistenceExtension;
  /** Starts listening; resolves with the bound port. */
  listen(): Promise<number>;
  /** Closes every socket, stores every document, and stops. */
  stop(): Promise<void>;
}

/** Wires the collab-server: HTTP API, web app, Hocuspocus on /collab, persistence. */
export async function createCollabServer(deps: CollabServerDeps): Promise<CollabServer> {
  const { config, db, log } = deps;
  const store = new TracedDocumentStore(deps.store, deps.redis ? 'redis' : 'sql');
  const metrics = createMetrics();
  const rooms = new RoomRepository(db);
  const drawers = new DrawerRegistry(db);
  const persistence = new PersistenceExtension(store, log, metrics);
  const activity = activityExtension(rooms, log);
  const limiters = new SocketLimiters();
  const extensions = [
    guardExtension({
      limits: {
        maxPoints: config.LIMIT_POINTS_PER_UPDATE,
        maxChunkBytes: DEFAULT_WRITE_LIMITS.maxChunkBytes,
        maxStrokes: config.LIMIT_STROKES_PER_CANVAS,
      },
      metrics,
      log,
    }),
    authExtension(
      { session: config.SESSION_SECRET, referee: config.REFEREE_SECRET },
      drawers,
      rooms,
      limiters,
    ),
    presenceExtension(),
    persistence,
    activity,
    senderEchoExtension(log),
  ];
  let redisExtension: PeerAwareRedis | null = null;
  let rpcRedis: { pub: Redis; sub: Redis; prefix: string } | null = null;
  if (deps.redis) {
    const redis = deps.redis;
    // More connections to the same Redis: the main one reports its errors (main.ts); these
    // would print "Unhandled error event" on every reconnect attempt of an outage.
    const duplicate = () => {
      const client = redis.duplicate();
      client.on('error', (error: Error) => log.debug({ err: error }, 'redis connection error'));
      return client;
    };
    redisExtension = new PeerAwareRedis({
      createClient: () => asPubSub(duplicate()),
      prefix: redisKeys(config.REDIS_PREFIX).hocuspocusPrefix(),
      identifier: deps.instanceId,
      announceEveryMs: RESYNC_INTERVAL_MS,
    });
    extensions.push(redisExtension);
    rpcRedis = {
      pub: duplicate(),
      sub: duplicate(),
      prefix: config.REDIS_PREFIX,
    };
  }

  const hocuspocus = new Hocuspocus({
    name: deps.instanceId,
    quiet: true,
    maxUnauthenticatedQueueMessages: config.LIMIT_PREAUTH_MESSAGES,
    maxUnauthenticatedQueueSize: config.LIMIT_PREAUTH_BYTES,
    extensions,
    async onChange({ documentName }) {
      metrics.updates.inc({ kind: parseDocName(documentName)?.kind ?? 'unknown' });
    },
  });
  metrics.countLoaded(() => hocuspocus.documents.keys());
  // Redis pub/sub delivers at most once: a dropped message leaves instances apart until the
  // next change. Every loaded document re-announces its state vector now and then, so peers
  // send what it lacks and ask for what they lack (extension-redis answers both ways); the
  // announcements also tell instances which documents they share (PeerAwareRedis).
  const resync = redisExtension
    ? setInterval(() => redisExtension.announceAll(), RESYNC_INTERVAL_MS)
    : null;
  resync?.unref();
  const archiver = new ReplayArchiver(db, store, (name) => persistence.flush(name));
  const bus = new RpcBus(hocuspocus, deps.instanceId, rpcRedis);
  hocuspocus.configure({
    extensions: [
      ...hocuspocus.configuration.extensions,
      rpcExtension({ bus, drawers, archiver, log }),
    ],
  });
  await bus.start();

  const httpLog: FastifyBaseLogger = log.child({ component: 'http' });
  const app = Fastify({
    loggerInstance: httpLog,
    bodyLimit: 16 * 1024,
    trustProxy: config.TRUST_PROXY,
    logController: new LogController({ disableRequestLogging: true }),
  });
  // A span per HTTP request, continuing a caller's trace (traceparent header) when given.
  const requestSpans = new WeakMap<object, Span>();
  app.addHook('onRequest', async (request) => {
    const parent = contextFrom(
      typeof request.headers.traceparent === 'string' ? request.headers.traceparent : undefined,
    );
    const span = trace
      .getTracer('scrawl')
      .startSpan(
        `HTTP ${request.method} ${request.routeOptions.url ?? 'unknown route'}`,
        {},
        parent,
      );
    requestSpans.set(request, span);
  });
  app.addHook('onResponse', async (request, reply) => {
    const span = requestSpans.get(request);
    span?.setAttribute('http.response.status_code', reply.statusCode);
    span?.end();
  });
  registerApi(app, {
    rooms,
    sessionSecret: config.SESSION_SECRET,
    sessionTtlSeconds: config.SESSION_TTL_S,
  });
  const voiceSettings = voiceConfig(config);
  registerVoice(app, {
    voice: voiceSettings ? new VoiceService(voiceSettings) : null,
    rooms,
    db,
    store,
    hocuspocus,
    sessionSecret: config.SESSION_SECRET,
  });
  registerReplays(app, { db, rooms, sessionSecret: config.SESSION_SECRET });
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/readyz', async (_request, reply) => {
    const problems: string[] = [];
    try {
      await sql`select 1`.execute(db);
    } catch {
      problems.push('database unreachable');
    }
    if (deps.redis && deps.redis.status !== 'ready') problems.push('redis unreachable');
    if (stopping) problems.push('stopping');
    return reply.status(problems.length ? 503 : 200).send({ ok: problems.length === 0, problems });
  });
  app.get('/metrics', async (_request, reply) => {
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  await registerWebApp(app, deps.webDist);

  const ws = attachCollabWebSocket(app.server, hocuspocus, metrics, {
    maxFrameBytes: config.LIMIT_FRAME_BYTES,
    maxConnectionsPerIp: config.LIMIT_CONNECTIONS_PER_IP,
    trustProxy: config.TRUST_PROXY,
    updatesPerSecond: config.LIMIT_UPDATES_PER_S,
    updateBytesPerSecond: config.LIMIT_UPDATE_BYTES_PER_S,
    presencePerSecond: config.LIMIT_PRESENCE_PER_S,
    rpcPerSecond: config.LIMIT_RPC_PER_S,
    limiters,
  });

  let stopping = false;
  return {
    app,
    hocuspocus,
    metrics,
    persistence,
    async listen() {
      await app.listen({ host: config.HOST, port: config.PORT });
      const address = app.server.address();
      return typeof address === 'object' && address ? address.port : config.PORT;
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      activity.stop();
      if (resync) clearInterval(resync);
      ws.closeAll();
      // Closing the sockets runs each document's store hook; wait for them to unload.
      const deadline = Date.now() + STOP_TIMEOUT_MS;
      hocuspocus.flushPendingStores();
      while (hocuspocus.getDocumentsCount() > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await persistence.flushAll().catch((error: unknown) => {
        log.error(
          { err: error, pending: persistence.pendingCount },
          'updates could not be stored before stopping',
        );
      });
      if (hocuspocus.getDocumentsCount() > 0) {
        log.warn(
          { documents: hocuspocus.getDocumentsCount() },
          'stopping with documents still loaded',
        );
      }
      await app.close();
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
      rpcRedis?.pub.disconnect();
      rpcRedis?.sub.disconnect();
    },
  };
}

/** States in which ioredis holds a command until Redis answers again (not yet, or no more). */
const QUEUEING_STATES = new Set(['connecting', 'connect', 'reconnecting', 'close']);

/**
 * A connection for extension-redis whose publishes behave as pub/sub promises: at most once,
 * never held back while Redis is unreachable, and never failing unobserved.
 *
 * - ioredis holds commands while it reconnects. The extension publishes a sync step on every
 *   change and presence on every cursor move: held through a 30 s outage, they all reached the
 *   other instance once Redis was back, which answered each stale sync step with a diff of all
 *   it had gained since — seconds of CPU in one go, while /healthz and every socket of that
 *   instance waited (10 s on a busy 2-core machine, chaos scenario `store-outages-redis`). A
 *   publish while Redis is unreachable now reaches nobody, as if no peer were listening: the
 *   next change, or the re-announcement every 10 s (RESYNC_INTERVAL_MS), syncs the peers.
 * - The extension answers a peer's sync step (and a query for presence) with a publish nobody
 *   awaits: the reply callback of Hocuspocus' MessageReceiver returns nothing. ioredis rejects
 *   what it holds after 20 reconnect attempts (about 10 s); that rejection, unhandled, ended
 *   the process — every instance at once. Callers that await a publish still see it fail.
 */
function asPubSub(client: Redis): Redis {
  const publish = client.publish.bind(client) as (...args: unknown[]) => Promise<number>;
  client.publish = (...args: unknown[]) => {
    if (QUEUEING_STATES.has(client.status)) return Promise.resolve(0);
    const sent = publish(...args);
    sent.catch(() => {});
    return sent;
  };
  return client;
}
