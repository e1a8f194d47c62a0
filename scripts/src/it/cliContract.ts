import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';
import {
  beginStroke,
  boardToSvg,
  decodeReplay,
  finishStroke,
  readStrokes,
  seekReplay,
  type ReplayData,
} from '@scrawl/drawing-engine';
import { eventually } from '@scrawl/collab-server/testing';
import { canvasDocName, gameDocName } from '@scrawl/protocol';
import { launchBrowser } from '../e2e/browser.js';
import { scrawl, scrawlJson, startScrawl, type CliWorld } from './cliHarness.js';
import { MOMENT_S, playScenario, type Scenario } from './cliScenario.js';

/** Share of pixels that may differ between two renderings of one moment (antialiasing). */
const PIXEL_TOLERANCE = 0.01;

/** A finished turn's replay, read straight from the database (not through the CLI). */
async function storedReplay(world: CliWorld, scenario: Scenario): Promise<ReplayData> {
  const row = await world.db
    .selectFrom('replays')
    .select('data')
    .where('room_id', '=', scenario.roomId)
    .where('canvas_round', '=', scenario.canvasRound)
    .executeTakeFirstOrThrow();
  return decodeReplay(new Uint8Array(gunzipSync(row.data)));
}

/**
 * Draws a PNG and an SVG in Chromium at 1600 × 1000 and counts pixels whose colour differs
 * by more than a quarter of the range in any channel, and pixels the PNG has inked.
 */
async function comparePixels(
  png: Buffer,
  svg: string,
): Promise<{ differing: number; inked: number; total: number }> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({
      viewport: { width: 1600, height: 1000 },
      deviceScaleFactor: 1,
    });
    return await page.evaluate(
      async ({ pngUrl, svgUrl }) => {
        const load = async (url: string) => {
          const image = new Image();
          image.src = url;
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = 1600;
          canvas.height = 1000;
          const context = canvas.getContext('2d');
          if (!context) throw new Error('no 2d context');
          context.drawImage(image, 0, 0, 1600, 1000);
          return context.getImageData(0, 0, 1600, 1000).data;
        };
        const a = await load(pngUrl);
        const b = await load(svgUrl);
        let differing = 0;
        let inked = 0;
        for (let i = 0; i < a.length; i += 4) {
          const delta = Math.max(
            Math.abs(a[i]! - b[i]!),
            Math.abs(a[i + 1]! - b[i + 1]!),
            Math.abs(a[i + 2]! - b[i + 2]!),
          );
          if (delta > 64) differing++;
          if (a[i]! < 200 || a[i + 1]! < 200 || a[i + 2]! < 200) inked++;
        }
        return { differing, inked, total: a.length / 4 };
      },
      {
        pngUrl: `data:image/png;base64,${png.toString('base64')}`,
        svgUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
      },
    );
  } finally {
    await browser.close();
  }
}

interface Problem {
  document: string;
  where: string;
  problem: string;
}

interface StrokeJson {
  id: string;
  author: string;
  authorName: string | null;
  tool: string;
  color: string;
  width: number;
  points: number;
  done: boolean;
}

/**
 * The CLI against one way of running Scrawl: every command, checked against documents the
 * scenario created and against the stores read directly.
 */
export function describeCli(label: string, open: () => Promise<CliWorld>): void {
  describe(`scrawl CLI against ${label}`, () => {
    let world: CliWorld;
    let s: Scenario;
    let env: Record<string, string>;
    let out: string;
    const lobby = () => `${s.code}/canvas/0`;
    const turn = () => `${s.code}/${s.canvasRound}`;

    beforeAll(async () => {
      world = await open();
      env = world.env;
      s = await playScenario(world);
      out = mkdtempSync(join(tmpdir(), 'scrawl-cli-'));
    }, 90_000);
    afterAll(async () => {
      s?.close();
      await world?.close();
      rmSync(out, { recursive: true, force: true });
    });

    it('rooms lists the room with its phase, seats, documents, bytes and replays', async () => {
      const rooms = (await scrawlJson(['rooms'], env)) as {
        code: string;
        phase: string;
        players: number;
        documents: number;
        bytes: number;
        replays: number;
      }[];
      const room = rooms.find((r) => r.code === s.code);
      expect(room).toMatchObject({ players: 2, replays: 1 });
      expect(room?.documents).toBeGreaterThanOrEqual(3);
      expect(room?.bytes).toBeGreaterThan(0);
      const table = await scrawl(['rooms'], env);
      expect(table.code).toBe(0);
      expect(table.stdout).toMatch(/^CODE\s+PHASE\s+PLAYERS/);
      expect(table.stdout).toContain(s.code);
    });

    it("docs lists the room's documents with the update counts the store holds", async () => {
      const docs = (await scrawlJson(['docs', '--room', s.code.toLowerCase()], env)) as {
        name: string;
        updates: number;
        bytes: number;
        room: string;
      }[];
      const names = docs.map((d) => d.name);
      for (const name of [
        gameDocName(s.roomId),
        canvasDocName(s.roomId, 0),
        canvasDocName(s.roomId, s.canvasRound),
      ])
        expect(names).toContain(name);
      expect(new Set(docs.map((d) => d.room))).toEqual(new Set([s.code]));
      const lobbyDoc = docs.find((d) => d.name === canvasDocName(s.roomId, 0));
      expect(lobbyDoc?.updates).toBe(
        (await world.store.readLog(canvasDocName(s.roomId, 0))).length,
      );
      expect(lobbyDoc?.updates).toBeGreaterThan(4);
      const table = await scrawl(['docs', '--room', s.code], env);
      expect(table.stdout).toContain(canvasDocName(s.roomId, 0));
    });

    it('dump shows strokes with author, tool, colour and point count, and presence when live', async () => {
      const dump = (await scrawlJson(['dump', lobby()], env)) as {
        strokes: StrokeJson[];
        presence: { live: boolean };
      };
      expect(dump.strokes).toEqual([
        {
          id: s.kept,
          author: s.ana.id,
          authorName: 'Ana',
          tool: 'brush',
          color: '#8250df',
          width: 8,
          points: 8,
          done: true,
        },
      ]);
      expect(dump.presence.live).toBe(true);
      const game = (await scrawlJson(['dump', `${s.code}/game`], env)) as {
        state: { roomCode: string };
        presence: { live: boolean; entries: { player: { name: string } }[] };
      };
      expect(game.state.roomCode).toBe(s.code);
      expect(game.presence.entries.map((e) => e.player.name).sort()).toEqual(['Ana', 'Ben']);
      const turnDump = (await scrawlJson(['dump', turn()], env)) as { strokes: StrokeJson[] };
      expect(turnDump.strokes.map((stroke) => stroke.id)).toEqual([...s.early, ...s.late]);
    });

    it('stats counts updates, strokes, points, deleted strokes, clients and keyframes', async () => {
      const stats = (await scrawlJson(['stats', lobby()], env)) as Record<string, number>;
      expect(stats).toMatchObject({
        strokes: 1,
        finishedStrokes: 1,
        points: 8,
        deletedStrokes: 1,
        authors: 1,
        keyframes: null,
      });
      expect(stats.updates).toBe((await world.store.readLog(canvasDocName(s.roomId, 0))).length);
      expect(stats.bytesPerPoint).toBeGreaterThan(0);
      expect(stats.deletedItems).toBeGreaterThan(0);
      const replay = await storedReplay(world, s);
      const turnStats = (await scrawlJson(['stats', turn()], env)) as Record<string, number>;
      expect(turnStats).toMatchObject({
        keyframes: replay.keyframes.length,
        updates: replay.updates.length,
        strokes: s.early.length + s.late.length,
      });
      const text = await scrawl(['stats', lobby()], env);
      expect(text.stdout).toMatch(/strokes\s+1 \(1 finished\)/);
    });

    it('history tells what each update did: started, appended, finished, deleted', async () => {
      const history = (await scrawlJson(['history', lobby()], env)) as {
        updates: { events: { kind: string; id?: string }[] }[];
      };
      const events = history.updates.flatMap((u) => u.events);
      expect(events).toContainEqual(
        expect.objectContaining({ kind: 'started', id: s.kept, author: s.ana.id }),
      );
      expect(events).toContainEqual(expect.objectContaining({ kind: 'appended', id: s.kept }));
      expect(events).toContainEqual(
        expect.objectContaining({ kind: 'finished', id: s.kept, points: 8 }),
      );
      expect(events).toContainEqual(expect.objectContaining({ kind: 'deleted', id: s.undone }));
      const text = await scrawl(['history', lobby()], env);
      expect(text.stdout).toContain(`stroke ${s.kept} started by Ana`);
      expect(text.stdout).toContain(`stroke ${s.undone} of Ana deleted`);
      const replayed = (await scrawlJson(['history', turn()], env)) as {
        updates: { offset: number; events: { kind: string; id?: string }[] }[];
      };
      const late = replayed.updates.find((u) =>
        u.events.some((e) => e.kind === 'started' && e.id === 'late-line'),
      );
      expect(late?.offset).toBeGreaterThan(MOMENT_S * 1000);
    });

    it('watch shows a stroke drawn by a headless client within one second, and presence', async () => {
      const watch = startScrawl(['watch', lobby(), '--json'], env);
      try {
        await eventually(() => expect(watch.stdout()).toContain('"type":"synced"'), {
          timeoutMs: 10_000,
        });
        const drawnAt = Date.now();
        const drawing = s.lobby.draw('watched');
        await eventually(() => expect(watch.stdout()).toContain('"id":"watched"'), {
          timeoutMs: 1000,
        });
        expect(Date.now() - drawnAt).toBeLessThan(1000);
        await drawing;
        s.lobby.provider.awareness?.setLocalState({
          player: { id: s.ana.id, name: 'Ana', color: s.ana.seat.color, role: 'player' },
          cursor: { x: 10, y: 20 },
        });
        await eventually(() =>
          expect(watch.stdout()).toMatch(/"type":"presence","change":"joined".*"name":"Ana"/),
        );
      } finally {
        watch.child.kill('SIGINT');
      }
      const ended = await watch.exited;
      expect(ended.code).toBe(0);
      expect(ended.stdout).toContain('"type":"stopped"');
    });

    it(`export ROUND --png --at ${MOMENT_S} matches the replay at ${MOMENT_S} s, pixel for pixel`, async () => {
      const replay = await storedReplay(world, s);
      const atMoment = readStrokes(seekReplay(replay, s.startedAt + MOMENT_S * 1000));
      expect(atMoment.map((stroke) => stroke.id)).toEqual(s.early);
      const pngFile = join(out, 'moment.png');
      const svgFile = join(out, 'moment.svg');
      const result = await scrawl(
        ['export', turn(), '--png', pngFile, '--at', String(MOMENT_S)],
        env,
      );
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Wrote ${pngFile} (PNG, 1600 × 1000, 3 strokes`);
      expect((await scrawl(['export', `${turn()}@${MOMENT_S}`, '--svg', svgFile], env)).code).toBe(
        0,
      );
      expect(readFileSync(svgFile, 'utf8')).toBe(boardToSvg(atMoment));

      const png = readFileSync(pngFile);
      const same = await comparePixels(png, boardToSvg(atMoment));
      expect(same.differing / same.total).toBeLessThan(PIXEL_TOLERANCE);
      expect(same.inked / same.total).toBeGreaterThan(0.02);
      const final = readStrokes(seekReplay(replay, Number.MAX_SAFE_INTEGER));
      const other = await comparePixels(png, boardToSvg(final));
      expect(other.differing / other.total).toBeGreaterThan(PIXEL_TOLERANCE);
    }, 60_000);

    it('diff tells what changed between two moments of a replay, and nothing between equals', async () => {
      const diff = (await scrawlJson(
        ['diff', `${turn()}@5`, `${turn()}@${MOMENT_S + 2}`],
        env,
      )) as {
        same: boolean;
        differences: { id: string; change: string }[];
      };
      expect(diff.same).toBe(false);
      expect(diff.differences).toEqual([
        expect.objectContaining({ id: 'late-line', change: 'added' }),
      ]);
      const same = (await scrawlJson(
        ['diff', turn(), canvasDocName(s.roomId, s.canvasRound)],
        env,
      )) as { same: boolean };
      expect(same.same).toBe(true);
      const text = await scrawl(['diff', lobby(), turn()], env);
      expect(text.stdout).toContain(`- stroke ${s.kept}  only in A`);
      expect(text.stdout).toContain('+ stroke late-line  only in B');
    });

    it('compact folds the log and reports bytes; a round canvas without a replay keeps its log', async () => {
      const name = canvasDocName(s.roomId, 0);
      const entries = (await world.store.readLog(name)).length;
      const compacted = (await scrawlJson(['compact', lobby()], env)) as {
        folded: number;
        bytesBefore: number;
        bytesAfter: number;
      };
      expect(compacted.folded).toBe(entries);
      expect(compacted.bytesAfter).toBeLessThan(compacted.bytesBefore);
      expect(await world.store.readLog(name)).toEqual([]);
      const dump = (await scrawlJson(['dump', lobby(), '--offline'], env)) as {
        strokes: StrokeJson[];
      };
      expect(dump.strokes.map((stroke) => stroke.id)).toEqual([s.kept, 'watched']);

      const unfinished = canvasDocName(s.roomId, 80);
      const doc = new Y.Doc();
      doc.on(
        'update',
        (update: Uint8Array) => void world.store.append(unfinished, [{ at: Date.now(), update }]),
      );
      finishStroke(
        beginStroke(
          doc,
          { id: 'u1', author: s.ana.id, tool: 'brush', color: '#000000', width: 4 },
          Uint8Array.of(1, 0, 0, 0, 0),
          null,
        ),
        null,
      );
      await eventually(async () => expect(await world.store.readLog(unfinished)).toHaveLength(2));
      const refused = await scrawl(['compact', `${s.code}/canvas/80`], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('without a replay yet');
      expect(await world.store.readLog(unfinished)).toHaveLength(2);
      expect((await scrawl(['compact', `${s.code}/canvas/80`, '--force'], env)).code).toBe(0);
      expect(await world.store.readLog(unfinished)).toEqual([]);
    });

    it('names close matches for an unknown document or room', async () => {
      const missing = await scrawl(['dump', `${s.code}/canvas/8`], env);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain(
        `Nothing is stored for ${canvasDocName(s.roomId, 8)}. Did you mean`,
      );
      expect(missing.stderr).toContain(canvasDocName(s.roomId, 80));
      const typo = s.code.slice(0, 5) + (s.code.endsWith('A') ? 'B' : 'A');
      const room = await scrawl(['docs', '--room', typo], env);
      expect(room.code).toBe(1);
      expect(room.stderr).toContain(`There is no room with code ${typo}. Did you mean ${s.code}?`);
    });

    it('verify exits 0 on a sound store, then finds and names corrupted entries (exit 1)', async () => {
      const problemsOf = async () =>
        (
          JSON.parse((await scrawl(['verify', '--all', '--json'], env)).stdout) as {
            problems: Problem[];
          }
        ).problems;
      const sound = await scrawl(['verify', '--all'], env);
      expect(sound.stderr).toBe('');
      expect(sound.stdout).toMatch(/replays? \(.*\): no problems\./);
      expect(sound.code).toBe(0);

      const garbled = canvasDocName(s.roomId, 90);
      const garbledAt = await world.appendRaw(garbled, Uint8Array.of(0xff, 0xff, 0xff, 0x0f, 1, 2));
      const badStroke = canvasDocName(s.roomId, 91);
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      beginStroke(
        doc,
        { id: 'bad', author: s.ana.id, tool: 'brush', color: '#000000', width: 4 },
        Uint8Array.of(9, 0, 0),
        null,
      );
      const badAt = await world.appendRaw(badStroke, updates[0]!);
      await world.db
        .insertInto('replays')
        .values({
          room_id: s.roomId,
          canvas_round: 92,
          data: Uint8Array.of(1, 2, 3),
          started_at: new Date(),
          ended_at: new Date(),
          strokes: 0,
          points: 0,
          updates: 0,
          bytes: 3,
        })
        .execute();

      const found = await scrawl(['verify', '--all'], env);
      expect(found.code).toBe(1);
      const problems = await problemsOf();
      expect(problems).toEqual([
        {
          document: garbled,
          where: garbledAt,
          problem: expect.stringContaining('not a readable Yjs update'),
        },
        {
          document: badStroke,
          where: badAt,
          problem: expect.stringContaining('stroke bad has point data that does not decode'),
        },
        {
          document: `${s.code}/92 (replay)`,
          where: 'data',
          problem: expect.stringContaining('not a replay container'),
        },
      ]);
      expect(found.stdout).toContain(garbled);
      expect(found.stdout).toContain(garbledAt);
      expect(found.stdout).toContain('3 problems.');
      const single = await scrawl(['verify', `${s.code}/canvas/91`], env);
      expect(single.code).toBe(1);
      expect(single.stdout).toContain(badAt);
      expect((await scrawl(['verify', lobby()], env)).code).toBe(0);
    });
  });
}
