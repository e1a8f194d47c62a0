import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '@scrawl/protocol';
import { startTopology } from './topology.js';

/** The defaults of `npm run services`: this machine's Postgres and Redis. */
const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/scrawl';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * `npm run services`: the services mode on this machine — two collab-servers and two
 * referees on Postgres and Redis, nginx in front — until Ctrl-C.
 */
export async function runServices(
  env: NodeJS.ProcessEnv,
  print: (line: string) => void,
): Promise<void> {
  const config = loadConfig(env);
  const dataDir = resolve(config.DATA_DIR, 'services');
  mkdirSync(dataDir, { recursive: true });
  print('Starting two collab-servers, two referees and nginx…');
  const topology = await startTopology({
    port: config.PORT === 0 ? 3000 : config.PORT,
    dataDir,
    databaseUrl: config.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    redisUrl: config.REDIS_URL ?? DEFAULT_REDIS_URL,
    redisPrefix: config.REDIS_PREFIX,
    instances: 2,
    referees: 2,
    voice: true,
    env,
    print,
  });
  print('');
  print(`Scrawl (services mode) is running: ${topology.url}`);
  print(
    `collab-servers on ports ${topology.collabPorts.join(' and ')}, behind nginx. Press Ctrl-C to stop.`,
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    print('\nStopping…');
    await topology.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
