import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, migrateToLatest } from '@scrawl/collab-server';
import { createTestDatabase } from '@scrawl/collab-server/testing';
import { COMMANDS } from '../cli/commands/index.js';
import { scrawl } from './cliHarness.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let empty: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = createDb(database.url, { max: 1 });
  await migrateToLatest(db);
  await db.destroy();
  empty = mkdtempSync(join(tmpdir(), 'scrawl-cli-empty-'));
});
afterAll(async () => {
  await database.drop();
  rmSync(empty, { recursive: true, force: true });
});

describe('scrawl command line', () => {
  it('lists every command in --help and explains each with <command> --help', async () => {
    const help = await scrawl(['--help'], {});
    expect(help.code).toBe(0);
    for (const command of COMMANDS) {
      expect(help.stdout).toContain(`  ${command.name}`);
      const own = await scrawl([command.name, '--help'], {});
      expect(own.code).toBe(0);
      expect(own.stdout).toContain(`Usage: scrawl ${command.name}`);
      expect(own.stdout).toContain('--json');
    }
  }, 60_000);

  it('suggests the closest command or option for a typo, exit 2', async () => {
    const command = await scrawl(['romos'], {});
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('Unknown command "romos". Did you mean rooms?');
    const option = await scrawl(['docs', '--rom', 'K7PQ2X'], {});
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('scrawl docs has no option --rom. Did you mean --room?');
    const missing = await scrawl(['dump'], {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Usage: scrawl dump DOC|ROUND');
  });

  it('says in words which store cannot be reached, exit 2', async () => {
    const postgres = await scrawl(['rooms'], {
      DATABASE_URL: 'postgres://scrawl:secret@127.0.0.1:1/none',
    });
    expect(postgres.code).toBe(2);
    expect(postgres.stderr).toContain(
      'Cannot reach Postgres (DATABASE_URL) at postgres://scrawl:***@127.0.0.1:1/none',
    );
    expect(postgres.stderr).not.toContain('secret');
    const redis = await scrawl(['docs'], {
      DATABASE_URL: database.url,
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    expect(redis.code).toBe(2);
    expect(redis.stderr).toContain('Cannot reach Redis at redis://127.0.0.1:1');
    const embedded = await scrawl(['rooms'], { DATA_DIR: empty });
    expect(embedded.code).toBe(2);
    expect(embedded.stderr).toContain(`${join(empty, 'pglite')} holds no embedded database`);
    const live = await scrawl(['watch', 'room/aaaaaaaaaaaaaaaa/game'], {
      DATABASE_URL: database.url,
      DATA_DIR: empty,
    });
    expect(live.code).toBe(2);
    expect(live.stderr).toContain(
      'scrawl watch needs the live server: no collab-server to connect to',
    );
    const down = await scrawl(['watch', 'room/aaaaaaaaaaaaaaaa/game'], {
      DATABASE_URL: database.url,
      COLLAB_URL: 'ws://127.0.0.1:1/collab',
      REFEREE_SECRET: 'x'.repeat(32),
    });
    expect(down.code).toBe(2);
    expect(down.stderr).toContain('The collab-server at ws://127.0.0.1:1/collab did not answer');
  }, 30_000);
});
