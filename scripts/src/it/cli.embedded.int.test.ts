import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { canvasDocName } from '@scrawl/protocol';
import { runtimeFilePath, writeRuntimeFile } from '../start/runtimeFile.js';
import { describeCli } from './cliContract.js';
import { scrawl, scrawlJson, startEmbeddedWorld } from './cliHarness.js';

const dataDir = mkdtempSync(join(tmpdir(), 'scrawl-cli-embedded-'));
const env = { DATA_DIR: dataDir };

describeCli("the embedded store (PGlite in DATA_DIR, through npm start's socket)", () =>
  startEmbeddedWorld(dataDir),
);

describe('scrawl CLI on the embedded store once npm start has stopped', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('opens the PGlite data directly and reads what npm start stored', async () => {
    expect(existsSync(runtimeFilePath(dataDir))).toBe(false);
    const rooms = (await scrawlJson(['rooms'], env)) as {
      code: string;
      roomId: string;
      replays: number;
    }[];
    expect(rooms).toHaveLength(1);
    const [room] = rooms;
    expect(room?.replays).toBe(2);
    const docs = (await scrawlJson(['docs'], env)) as { name: string; updates: number }[];
    expect(docs.find((d) => d.name === canvasDocName(room!.roomId as never, 0))?.updates).toBe(0);
    const game = (await scrawlJson(['dump', `${room!.code}/game`], env)) as {
      presence: { live: boolean; note: string };
    };
    expect(game.presence).toEqual({
      live: false,
      note: expect.stringContaining('set COLLAB_URL and REFEREE_SECRET'),
    });
    const verify = await scrawl(['verify', `${room!.code}/canvas/90`], env);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(
      new RegExp(`canvas/90\\s+document_updates seq \\d+\\s+not a readable Yjs update`),
    );
  }, 60_000);

  it('ignores a runtime file whose launcher is gone', async () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    writeRuntimeFile(dataDir, {
      pid: gone,
      databaseUrl: 'postgres://postgres@127.0.0.1:1/postgres',
      collabUrl: null,
      startedAt: 0,
    });
    const result = await scrawl(['rooms'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }, 60_000);

  it('refuses to open PGlite while npm start runs but its database does not answer', async () => {
    writeRuntimeFile(dataDir, {
      pid: process.pid,
      databaseUrl: 'postgres://postgres@127.0.0.1:1/postgres',
      collabUrl: null,
      startedAt: 0,
    });
    const result = await scrawl(['docs'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `Cannot reach the database of npm start (pid ${process.pid}) at postgres://postgres@127.0.0.1:1/postgres`,
    );
  });
});
