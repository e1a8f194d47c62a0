import { afterAll, afterEach, beforeAll } from '@jest/globals';
import { startTestCollab, type TestCollab } from './collab.js';
import { createTestDatabase } from './services.js';

interface Closable {
  close(): void;
}

/** What `useTestCollab` gives a suite; `collab` and `database` exist once its tests run. */
export interface CollabSuite {
  readonly collab: TestCollab;
  readonly database: { url: string; drop(): Promise<void> };
  /** Closes `client` after the current test (or at `closeTracked`). */
  track<T extends Closable>(client: T): T;
  /** Closes every tracked client now. */
  closeTracked(): void;
  /** Stops the server and starts a new one on the same database (a restart). */
  restart(): Promise<void>;
}

/**
 * A jest suite's collab-server: a fresh database and a server on it before the suite's tests
 * (with extra environment variables in `env`), stopped after them; clients given to `track`
 * are closed after each test. For test files only (it registers jest hooks).
 */
export function useTestCollab(env?: Record<string, string>): CollabSuite {
  let database: CollabSuite['database'] | null = null;
  let collab: TestCollab | null = null;
  const tracked: Closable[] = [];
  const closeTracked = () => {
    for (const client of tracked.splice(0)) client.close();
  };
  const start = (url: string) => startTestCollab({ databaseUrl: url, ...(env ? { env } : {}) });
  beforeAll(async () => {
    database = await createTestDatabase();
    collab = await start(database.url);
  });
  afterEach(closeTracked);
  afterAll(async () => {
    await collab?.stop();
    await database?.drop();
  });
  return {
    get collab() {
      if (!collab) throw new Error('the suite collab-server starts before its tests run');
      return collab;
    },
    get database() {
      if (!database) throw new Error('the suite database is created before its tests run');
      return database;
    },
    track(client) {
      tracked.push(client);
      return client;
    },
    closeTracked,
    async restart() {
      await this.collab.stop();
      collab = await start(this.database.url);
    },
  };
}
