import { describeCli } from './cliContract.js';
import { startRedisWorld } from './cliHarness.js';

describeCli('Postgres and Redis (documents in Redis streams)', startRedisWorld);
