import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { ConfigError, loadConfig, type Database } from '@scrawl/protocol';
import { readRuntimeFile, type RuntimeInfo } from '../../start/runtimeFile.js';
import { UnreachableError, UsageError } from '../errors.js';
import { openDatabase, redactUrl } from './openDatabase.js';
import { openRedis } from './openRedis.js';
import { RedisDocuments } from './RedisDocuments.js';
import { SqlDocuments } from './SqlDocuments.js';
import type { DocumentSource, LiveLink, Target } from './Target.js';

/**
 * Opens what the environment names, as the services see it:
 * - the database: DATABASE_URL; else the socket of a running `npm start` (its
 *   `<DATA_DIR>/runtime.json`); else the embedded PGlite data in `<DATA_DIR>/pglite`,
 *   opened in this process (PGlite admits one process, so only when npm start is not running);
 * - documents: in Redis when REDIS_URL is set (REDIS_PREFIX), else in SQL;
 * - the live server: COLLAB_URL (else npm start's) with REFEREE_SECRET (else the secret
 *   `npm start` generated in `<DATA_DIR>/secrets.json`).
 * @throws UnreachableError when a store does not answer; UsageError for a bad variable.
 */
export async function openTarget(
  env: Readonly<Record<string, string | undefined>>,
): Promise<Target> {
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  const dataDir = resolve(config.DATA_DIR);
  const runtime = liveRuntime(dataDir);
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch(() => undefined);
  };
  try {
    let db: Kysely<Database>;
    let description: string;
    if (config.DATABASE_URL) {
      db = await openDatabase(config.DATABASE_URL, 'Postgres (DATABASE_URL)');
      description = `Postgres at ${redactUrl(config.DATABASE_URL)}`;
    } else if (runtime) {
      db = await openDatabase(
        runtime.databaseUrl,
        `the database of npm start (pid ${runtime.pid})`,
      );
      description = `the database of npm start (pid ${runtime.pid})`;
    } else {
      const directory = join(dataDir, 'pglite');
      if (!existsSync(join(directory, 'PG_VERSION'))) {
        throw new UnreachableError(
          `No database to read: DATABASE_URL is not set and ${directory} holds no embedded ` +
            'database. Run npm start once, or set DATABASE_URL.',
        );
      }
      const { startEmbeddedDatabase } = await import('../../start/embeddedDb.js');
      const embedded = await startEmbeddedDatabase(dataDir);
      closers.push(() => embedded.stop());
      db = await openDatabase(embedded.url, `the embedded database in ${directory}`);
      description = `the embedded database in ${directory}`;
    }
    closers.push(() => db.destroy());

    let documents: DocumentSource;
    if (config.REDIS_URL) {
      const redis: Redis = await openRedis(config.REDIS_URL);
      closers.push(() => redis.quit());
      const { redisKeys } = await import('@scrawl/collab-server');
      documents = new RedisDocuments(redis, config.REDIS_PREFIX, redisKeys(config.REDIS_PREFIX));
      description += `, documents in Redis at ${redactUrl(config.REDIS_URL)} (prefix ${config.REDIS_PREFIX})`;
    } else {
      documents = new SqlDocuments(db);
      description += ', documents in SQL';
    }
    return { description, db, documents, live: liveLink(config, dataDir, runtime), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** npm start's runtime file, when the launcher that wrote it is still running. */
function liveRuntime(dataDir: string): RuntimeInfo | null {
  const runtime = readRuntimeFile(dataDir);
  return runtime && isAlive(runtime.pid) ? runtime : null;
}

function liveLink(
  config: { COLLAB_URL?: string | undefined; REFEREE_SECRET?: string | undefined },
  dataDir: string,
  runtime: RuntimeInfo | null,
): LiveLink | { missing: string } {
  const url = config.COLLAB_URL ?? runtime?.collabUrl ?? undefined;
  const secret = config.REFEREE_SECRET ?? generatedRefereeSecret(dataDir);
  if (url && secret) return { url, secret };
  return {
    missing:
      'no collab-server to connect to: set COLLAB_URL and REFEREE_SECRET (npm start provides both)',
  };
}

/** The part of npm start's `secrets.json` the CLI reads. */
const generatedSecretsSchema = z.object({ refereeSecret: z.string().min(32) });

/** The referee secret `npm start` generated, if this data directory has one. */
function generatedRefereeSecret(dataDir: string): string | undefined {
  try {
    const parsed = generatedSecretsSchema.safeParse(
      JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')),
    );
    return parsed.success ? parsed.data.refereeSecret : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as { code?: unknown }).code === 'EPERM';
  }
}
