import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { loadConfig, type JoinRoomResponse, type Role } from '@scrawl/protocol';
import { createDb, type Db } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createCollabServer, type CollabServer } from '../server.js';
import type { DocumentStore } from '../store/DocumentStore.js';
import { RedisDocumentStore } from '../store/RedisDocumentStore.js';
import { SqlDocumentStore } from '../store/SqlDocumentStore.js';
import { TEST_REDIS_URL, TEST_SECRETS } from './services.js';

/** A collab-server running in this process on a free port, for integration tests. */
export interface TestCollab {
  server: CollabServer;
  db: Db;
  redis: Redis | null;
  port: number;
  http: string;
  ws: string;
  /** Stops the server and closes its connections (the database itself stays). */
  stop(): Promise<void>;
}

/** Starts a collab-server on `databaseUrl`, with the Redis store when `redisPrefix` is given. */
export async function startTestCollab(options: {
  databaseUrl: string;
  redisPrefix?: string;
  instanceId?: string;
  /** Extra environment variables (limits, for example). */
  env?: Record<string, string>;
  /** Wraps the real store (a test injecting store failures). */
  wrapStore?: (store: DocumentStore) => DocumentStore;
}): Promise<TestCollab> {
  const config = loadConfig({
    // Every test client comes from 127.0.0.1; the per-address limit has its own test.
    LIMIT_CONNECTIONS_PER_IP: '0',
    PORT: '0',
    ...options.env,
    ...TEST_SECRETS,
    DATABASE_URL: options.databaseUrl,
    ...(options.redisPrefix
      ? { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: options.redisPrefix }
      : {}),
  });
  const db = createDb(options.databaseUrl);
  await migrateToLatest(db);
  const redis = options.redisPrefix ? new Redis(TEST_REDIS_URL) : null;
  const real = redis
    ? new RedisDocumentStore(redis, config.REDIS_PREFIX)
    : new SqlDocumentStore(db);
  const store = options.wrapStore ? options.wrapStore(real) : real;
  const server = await createCollabServer({
    config: { ...config, ...TEST_SECRETS },
    db,
    store,
    redis,
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    webDist: '/nonexistent',
    instanceId:
      options.instanceId ?? `test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
  });
  const port = await server.listen();
  return {
    server,
    db,
    redis,
    port,
    http: `http://127.0.0.1:${port}`,
    ws: `ws://127.0.0.1:${port}/collab`,
    async stop() {
      await server.stop();
      await db.destroy();
      redis?.disconnect();
    },
  };
}

/** Creates a room and seats a player (or spectator) in it through the HTTP API. */
export async function joinNewRoom(http: string, names: readonly string[], role: Role = 'player') {
  const created = (await (
    await fetch(`${http}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
  ).json()) as { code: string; roomId: string };
  const seats = await Promise.all(names.map((name) => joinRoom(http, created.code, name, role)));
  return { ...created, seats };
}

/** Seats a player in a room through the HTTP API. */
export async function joinRoom(
  http: string,
  code: string,
  name: string,
  role: Role = 'player',
): Promise<JoinRoomResponse> {
  const response = await fetch(`${http}/api/rooms/${code}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, role }),
  });
  if (!response.ok) throw new Error(`join failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as JoinRoomResponse;
}

/** A headless client: one socket, one provider per document, as the web app connects. */
export class TestClient {
  readonly socket: HocuspocusProviderWebsocket;
  readonly providers: HocuspocusProvider[] = [];

  /** `Socket`: the WebSocket class (`ws`'s, or one wrapped with document aliases). */
  constructor(
    url: string,
    Socket: new (url: string, protocols?: string | string[]) => WebSocket = WebSocket,
  ) {
    this.socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: Socket });
  }

  /** Opens a document; resolves once synced (or rejects with the refusal reason). */
  async open(name: string, token: string, doc = new Y.Doc()): Promise<HocuspocusProvider> {
    return new Promise((resolve, reject) => {
      const provider = new HocuspocusProvider({
        websocketProvider: this.socket,
        name,
        document: doc,
        token,
        onSynced: () => resolve(provider),
        onAuthenticationFailed: ({ reason }) => reject(new Error(`refused: ${reason}`)),
      });
      provider.attach();
      this.providers.push(provider);
    });
  }

  /** Closes every provider and the socket. */
  close(): void {
    for (const provider of this.providers) provider.destroy();
    this.socket.destroy();
  }
}
