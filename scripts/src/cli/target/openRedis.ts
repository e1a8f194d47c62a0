import { Redis } from 'ioredis';
import { UnreachableError } from '../errors.js';
import { redactUrl } from './openDatabase.js';

/** Redis that does not answer within this long is reported unreachable. */
const CONNECT_TIMEOUT_MS = 5000;

/**
 * Connects to Redis without retrying: a CLI should say at once that Redis is down, not
 * wait for it.
 * @throws UnreachableError in words.
 */
export async function openRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  let lastError: Error | null = null;
  redis.on('error', (error: Error) => {
    lastError = error;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    const reason = (error instanceof Error ? error : lastError)?.message ?? 'no answer';
    throw new UnreachableError(
      `Cannot reach Redis at ${redactUrl(url)} (REDIS_URL): ${reason}. Is it running?`,
    );
  }
  return redis;
}
