import { Redis } from 'ioredis';
import { TEST_REDIS_URL, connectTestRedis, testRedisPrefix } from '../testing/index.js';
import { describeDocumentStore } from './documentStoreContract.js';
import { RedisDocumentStore } from './RedisDocumentStore.js';

describeDocumentStore('Redis streams', async () => {
  const prefix = testRedisPrefix();
  const { redis, cleanup } = await connectTestRedis(prefix);
  const peer = new Redis(TEST_REDIS_URL);
  return {
    store: new RedisDocumentStore(redis, prefix),
    peer: new RedisDocumentStore(peer, prefix),
    async close() {
      await peer.quit();
      await cleanup();
    },
  };
});
