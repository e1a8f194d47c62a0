import { describeCli } from './cliContract.js';
import { startPostgresWorld } from './cliHarness.js';

describeCli('Postgres (documents in SQL)', startPostgresWorld);
