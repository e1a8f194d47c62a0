import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { Redis } from 'ioredis';
import {
  RedisDocumentStore,
  SqlDocumentStore,
  redisKeys,
  type DocumentStore,
} from '@scrawl/collab-server';
import {
  TEST_REDIS_URL,
  TEST_SECRETS,
  connectTestRedis,
  createTestDatabase,
  startTestCollab,
  testRedisPrefix,
  type TestCollab,
} from '@scrawl/collab-server/testing';
import type { Database } from '@scrawl/protocol';
import type { Referee } from '@scrawl/referee';
import { startEmbeddedDatabase } from '../start/embeddedDb.js';
import { removeRuntimeFile, writeRuntimeFile } from '../start/runtimeFile.js';
import { startReferee } from '../testing/gameHarness.js';

/** The compiled CLI, as `npm run scrawl` and the bin run it (`npm run test:int` builds it). */
const SCRAWL = fileURLToPath(new URL('../../../scripts/dist/bin/scrawl.js', import.meta.url));

/** What a finished CLI run printed. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A CLI process still running (watch). */
export interface CliProcess {
  readonly child: ChildProcess;
  stdout(): string;
  /** Non-empty stdout lines so far. */
  lines(): string[];
  readonly exited: Promise<CliResult>;
}

/**
 * Starts `scrawl` with exactly the given environment (plus PATH and HOME), so nothing of
 * the test process's own DATABASE_URL or REDIS_URL leaks in. Asynchronous on purpose: the
 * collab-server it may connect to runs in this process.
 */
export function startScrawl(args: readonly string[], env: Record<string, string>): CliProcess {
  const child = spawn(process.execPath, [SCRAWL, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<CliResult>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return {
    child,
    stdout: () => stdout,
    lines: () => stdout.split('\n').filter((line) => line.trim() !== ''),
    exited,
  };
}

/** Runs `scrawl` to the end. */
export function scrawl(args: readonly string[], env: Record<string, string>): Promise<CliResult> {
  return startScrawl(args, env).exited;
}

/** Runs `scrawl … --json`, expects exit 0 and parses stdout. */
export async function scrawlJson(
  args: readonly string[],
  env: Record<string, string>,
): Promise<unknown> {
  const result = await scrawl([...args, '--json'], env);
  if (result.code !== 0)
    throw new Error(
      `scrawl ${args.join(' ')} exited ${result.code}:\n${result.stderr}${result.stdout}`,
    );
  return JSON.parse(result.stdout) as unknown;
}

/** A collab-server, a referee and their stores, as one of the three ways Scrawl runs. */
export interface CliWorld {
  readonly label: string;
  /** The environment the CLI runs with to see this world. */
  readonly env: Record<string, string>;
  readonly collab: TestCollab;
  readonly db: Kysely<Database>;
  /** The store the collab-server writes documents to. */
  readonly store: DocumentStore;
  /** Appends raw bytes to a document's log, as a broken writer would; returns its position. */
  appendRaw(name: string, bytes: Uint8Array): Promise<string>;
  close(): Promise<void>;
}

async function world(
  label: string,
  databaseUrl: string,
  redisPrefix: string | null,
  envFor: (collab: TestCollab) => Record<string, string>,
  release: () => Promise<void>,
): Promise<CliWorld> {
  const collab = await startTestCollab({ databaseUrl, ...(redisPrefix ? { redisPrefix } : {}) });
  const env = envFor(collab);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const referee: Referee = startReferee(collab, db, `referee-${label}`);
  const redis = redisPrefix ? new Redis(TEST_REDIS_URL) : null;
  const store =
    redis && redisPrefix ? new RedisDocumentStore(redis, redisPrefix) : new SqlDocumentStore(db);
  return {
    label,
    env,
    collab,
    db,
    store,
    async appendRaw(name, bytes) {
      if (redis && redisPrefix) {
        const key = redisKeys(redisPrefix).docLog(name);
        const id = await redis.xadd(key, '*', 't', String(Date.now()), 'u', Buffer.from(bytes));
        return `${key} entry ${id ?? ''}`;
      }
      const row = await db
        .insertInto('document_updates')
        .values({ name, at_ms: String(Date.now()), update: bytes })
        .returning('seq')
        .executeTakeFirstOrThrow();
      return `document_updates seq ${row.seq}`;
    },
    async close() {
      await referee.stop();
      await collab.stop();
      redis?.disconnect();
      await db.destroy();
      await release();
    },
  };
}

/** Services mode without Redis: Postgres holds everything (documents in SQL). */
export async function startPostgresWorld(): Promise<CliWorld> {
  const database = await createTestDatabase();
  return world(
    'postgres',
    database.url,
    null,
    (collab) => servicesEnv(database.url, collab),
    () => database.drop(),
  );
}

/** Services mode: Postgres, documents in Redis streams under a fresh prefix. */
export async function startRedisWorld(): Promise<CliWorld> {
  const database = await createTestDatabase();
  const prefix = testRedisPrefix();
  const keys = await connectTestRedis(prefix);
  return world(
    'redis',
    database.url,
    prefix,
    (collab) => ({
      ...servicesEnv(database.url, collab),
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
    }),
    async () => {
      await keys.cleanup();
      await database.drop();
    },
  );
}

/**
 * Embedded mode as `npm start` runs it: PGlite in `dataDir` served on a socket, the runtime
 * file the launcher writes, and the secrets file it generates. The CLI gets only DATA_DIR.
 */
export async function startEmbeddedWorld(dataDir: string): Promise<CliWorld> {
  const embedded = await startEmbeddedDatabase(dataDir);
  const opened = await world(
    'embedded',
    embedded.url,
    null,
    () => ({ DATA_DIR: dataDir }),
    async () => {
      await embedded.stop();
      removeRuntimeFile(dataDir);
    },
  );
  writeFileSync(
    join(dataDir, 'secrets.json'),
    JSON.stringify({
      sessionSecret: TEST_SECRETS.SESSION_SECRET,
      refereeSecret: TEST_SECRETS.REFEREE_SECRET,
    }),
    { mode: 0o600 },
  );
  writeRuntimeFile(dataDir, {
    pid: process.pid,
    databaseUrl: embedded.url,
    collabUrl: opened.collab.ws,
    startedAt: Date.now(),
  });
  return opened;
}

/** The CLI's environment for a services world: the database and the live server. */
function servicesEnv(databaseUrl: string, collab: TestCollab): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    COLLAB_URL: collab.ws,
    REFEREE_SECRET: TEST_SECRETS.REFEREE_SECRET,
    DATA_DIR: '/nonexistent-scrawl-data',
  };
}
