import * as Y from 'yjs';
import { StrokeWriter, readStrokes } from '@scrawl/drawing-engine';
import {
  AttackFrame,
  RawClient,
  TestClient,
  appendToFirstStroke,
  broadcastStatelessBody,
  craftUpdate,
  deleteFirstStroke,
  eventually,
  forgedStroke,
  graffiti,
  hugeStroke,
  joinRoom,
  presenceBody,
} from '@scrawl/collab-server/testing';
import { canvasDocName, gameDocName, type JoinRoomResponse } from '@scrawl/protocol';
import { sleep, type Scenario } from '../context.js';
import { HealthProbe, residentBytes } from '../infra/healthProbe.js';
import { ScenarioCollab } from '../infra/scenarioCollab.js';
import { docOf } from '../load/strokeAudit.js';
import type { Random } from '../random.js';

/** Bounds of issue 11. */
const CLOSE_BOUND_MS = 1000;
const HEALTH_BOUND_MS = 1000;
const HEAP_GROWTH_BOUND_MIB = 64;
/** Sockets attacking at once. */
const CONCURRENCY = 5;

interface Target {
  canvas: string;
  game: string;
  mallory: JoinRoomResponse;
  spectator: JoinRoomResponse;
  victimId: JoinRoomResponse['playerId'];
  /** What the server holds, as a spectator sees it (a copy is crafted against). */
  view: Y.Doc;
}

type Send = (raw: RawClient) => void;

/** One crafted attack: which document, which seat, and what to send once authenticated. */
interface Attack {
  name: string;
  doc: 'canvas' | 'game';
  as: 'mallory' | 'spectator';
  prepare: (target: Target) => Send;
}

let floods = 0;
const copy = (doc: Y.Doc) => docOf(Y.encodeStateAsUpdate(doc));

/** Sends a Yjs update, crafted beforehand, on the target's canvas. */
const update =
  (craft: (t: Target) => Uint8Array) =>
  (t: Target): Send => {
    const bytes = craft(t);
    return (raw) => raw.sendUpdate(t.canvas, bytes);
  };

/** Sends frames of a type, built beforehand, on the target's game document. */
const typed =
  (type: number, bodies: (t: Target) => Uint8Array[]) =>
  (t: Target): Send => {
    const built = bodies(t);
    return (raw) => {
      for (const body of built) raw.sendTyped(t.game, type, body);
    };
  };

/**
 * The attacks of malicious.int.test.ts (collab-server/src/testing/attacks.ts), under load.
 * Each is crafted before its socket opens, so the time to close counts the server's work
 * only, not this process crafting 60,000-point strokes.
 */
const ATTACKS: readonly Attack[] = [
  {
    name: 'forged author',
    doc: 'canvas',
    as: 'mallory',
    prepare: update((t) => forgedStroke(copy(t.view), t.victimId)),
  },
  {
    name: "deleting others' strokes",
    doc: 'canvas',
    as: 'mallory',
    prepare: update((t) => deleteFirstStroke(copy(t.view))),
  },
  {
    name: "appending to others' strokes",
    doc: 'canvas',
    as: 'mallory',
    prepare: update((t) => appendToFirstStroke(copy(t.view))),
  },
  {
    name: 'content outside the strokes',
    doc: 'canvas',
    as: 'mallory',
    prepare: update((t) => graffiti(copy(t.view))),
  },
  {
    name: 'too many points in one update',
    doc: 'canvas',
    as: 'mallory',
    prepare: update((t) => hugeStroke(copy(t.view), t.mallory.playerId, 60_000)),
  },
  {
    name: 'oversized frame',
    doc: 'canvas',
    as: 'mallory',
    prepare: update(() => new Uint8Array(2 * 1024 * 1024)),
  },
  {
    name: 'read-only client writing',
    doc: 'canvas',
    as: 'spectator',
    prepare: update((t) => forgedStroke(copy(t.view), t.spectator.playerId, 'ro')),
  },
  {
    name: 'presence under another name',
    doc: 'game',
    as: 'mallory',
    prepare: typed(AttackFrame.awareness, (t) => [
      presenceBody({ id: t.victimId, name: 'victim', color: '#000000', role: 'player' }).body,
    ]),
  },
  {
    name: 'server-internal message type',
    doc: 'game',
    as: 'mallory',
    prepare: typed(AttackFrame.broadcastStateless, () => [
      broadcastStatelessBody(JSON.stringify({ type: 'notice', level: 'info', text: 'won' })),
    ]),
  },
  {
    name: 'update flood',
    doc: 'canvas',
    as: 'mallory',
    prepare: (t) => {
      const doc = copy(t.view);
      const w = new StrokeWriter(
        doc,
        {
          id: `flood-${++floods}`,
          author: t.mallory.playerId,
          tool: 'brush',
          color: '#00ff00',
          width: 3,
        },
        'x',
      );
      const updates = Array.from({ length: 1000 }, (_, i) =>
        craftUpdate(doc, () => {
          w.add({ x: i % 100, y: 5, pressure: 0.5, t: i });
          w.flush();
        }),
      );
      return (raw) => {
        for (const u of updates) raw.sendUpdate(t.canvas, u);
      };
    },
  },
  {
    name: 'presence flood',
    doc: 'game',
    as: 'mallory',
    prepare: typed(AttackFrame.awareness, (t) => {
      const player = { id: t.mallory.playerId, name: t.mallory.name, color: '#000000' };
      return Array.from(
        { length: 1000 },
        (_, i) => presenceBody({ ...player, role: 'player' }, { cursor: { x: i, y: i } }).body,
      );
    }),
  },
];

/** A random frame: bytes as they come, a sync frame with a random body, or a cut-short one. */
function randomFrame(raw: RawClient, canvas: string, random: Random): void {
  const kind = random.int(0, 2);
  if (kind === 0) raw.send(random.bytes(random.int(1, 300)));
  else if (kind === 1) raw.sendUpdate(canvas, random.bytes(random.int(1, 300)));
  else raw.sendTyped(canvas, 0, random.bytes(random.int(1, 4)));
}

/**
 * Bad input while players draw: random, truncated and oversized frames, floods, read-only
 * writers and crafted updates from malicious.int.test.ts, each on its own socket. The same
 * server process survives, /healthz answers within 1 s throughout, each crafted attack's
 * socket is closed within 1 s, and the players' boards hold exactly what they drew. Memory
 * is reported only.
 */
export const badInput: Scenario = {
  name: 'bad-input',
  async run({ tier, random, figures, database, logFd, defer, say }) {
    const { randomFrames, craftedEach, loadClients } = tier.badInput;
    const collab = await ScenarioCollab.start({ database, logFd, defer });
    const { http } = collab;
    const server = collab.process;
    const { ws } = collab;
    const perRoom = Math.ceil(loadClients / 2);
    const crowd = await collab.crowd({ rooms: 2, perRoom, random });
    const targets: Target[] = await Promise.all(
      crowd.seats.map(async (seats) => {
        const code = seats[0]!.code;
        const spectator = await joinRoom(http, code, 'Watcher', 'spectator');
        const watcher = new TestClient(ws);
        defer(() => watcher.close());
        const canvas = canvasDocName(spectator.roomId, 0);
        const view = (await watcher.open(canvas, spectator.token)).document;
        return {
          canvas,
          game: gameDocName(spectator.roomId),
          mallory: await joinRoom(http, code, 'Mallory'),
          spectator,
          victimId: seats[0]!.playerId,
          view,
        };
      }),
    );
    crowd.startDrawing();
    // Let every board hold strokes to attack.
    await eventually(() => {
      if (targets.some((t) => readStrokes(t.view).length === 0)) throw new Error('no strokes');
    });
    const memoryBefore = (await residentBytes(server.pid)) ?? 0;
    const heapBefore = (await server.liveHeapBytes()) ?? 0;
    let memoryPeak = memoryBefore;
    const memory = setInterval(() => {
      void residentBytes(server.pid).then((rss) => (memoryPeak = Math.max(memoryPeak, rss ?? 0)));
    }, 200);
    defer(() => clearInterval(memory));
    const health = new HealthProbe(`${http}/healthz`, 100, 5000);
    health.start();
    defer(() => health.stop());

    /** Opens a socket as `seat` on `doc`, sends, and says how long the server took to close it. */
    const strike = async (
      seat: JoinRoomResponse,
      doc: string,
      send: Send,
    ): Promise<number | null> => {
      const raw = new RawClient(ws);
      try {
        await raw.authenticate(doc, seat.token);
        const sent = performance.now();
        send(raw);
        const closed = await Promise.race([raw.closed, sleep(CLOSE_BOUND_MS * 5)]);
        return closed ? performance.now() - sent : null;
      } finally {
        raw.close();
      }
    };

    const crafted = ATTACKS.flatMap((attack) =>
      Array.from({ length: craftedEach }, (_, i) => ({ attack, target: targets[i % 2]! })),
    );
    let craftedOpen = 0;
    let slowestClose = 0;
    let slowestKind = '';
    let slowestFlood = 0;
    const refusedByKind = new Map<string, number>();
    for (let i = 0; i < crafted.length; i += CONCURRENCY) {
      await Promise.all(
        crafted.slice(i, i + CONCURRENCY).map(async ({ attack, target }) => {
          const doc = attack.doc === 'canvas' ? target.canvas : target.game;
          const ms = await strike(target[attack.as], doc, attack.prepare(target));
          if (ms === null) craftedOpen++;
          else {
            if (attack.name.endsWith('flood')) slowestFlood = Math.max(slowestFlood, ms);
            else {
              if (ms > slowestClose) slowestKind = attack.name;
              slowestClose = Math.max(slowestClose, ms);
            }
            refusedByKind.set(attack.name, (refusedByKind.get(attack.name) ?? 0) + 1);
          }
        }),
      );
    }
    say(`slowest to close: ${slowestKind}`);
    say(`${crafted.length} crafted attacks sent; now ${randomFrames} random frames`);
    // Random frames go one after another on an authenticated socket until the server
    // closes it (most close it at once), then on a new one.
    let randomLeft = randomFrames;
    let randomSockets = 0;
    let randomClosed = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, worker) => {
        const r = random.fork(100 + worker);
        const target = targets[worker % 2]!;
        while (randomLeft > 0) {
          const raw = new RawClient(ws);
          randomSockets++;
          try {
            await raw.authenticate(target.canvas, target.mallory.token);
            let closed = false;
            while (!closed && randomLeft > 0) {
              randomLeft--;
              randomFrame(raw, target.canvas, r);
              closed = (await Promise.race([raw.closed, sleep(20)])) !== undefined;
            }
            if (closed) randomClosed++;
          } finally {
            raw.close();
          }
        }
      }),
    );
    crowd.stopDrawing();
    await health.stop();
    clearInterval(memory);
    const converged = await eventually(
      () => {
        const audit = crowd.auditClients();
        // Mallory's own strokes are counted apart (below): players' strokes only here.
        if (audit.lost + audit.duplicates + audit.altered > 0) throw new Error('boards differ');
        return audit;
      },
      { timeoutMs: 20_000 },
    ).catch(() => crowd.auditClients());
    // Nothing an attacker sent may reach a player's or a spectator's board — except the
    // strokes Mallory may draw as a player (the flood's first updates, until rate-limited).
    const boards = [
      ...crowd.members.map((m) => ({ room: m.room, doc: m.client.doc })),
      ...targets.map((t, room) => ({ room, doc: t.view })),
    ];
    const malloryIds = new Set<string>(targets.map((t) => t.mallory.playerId));
    const planted = boards.reduce(
      (sum, { room, doc }) =>
        sum +
        readStrokes(doc).filter((s) => !crowd.drawnIn(room).has(s.id) && !malloryIds.has(s.author))
          .length,
      0,
    );
    // What the server keeps once the attacks are over: its heap, collected.
    const heapAfter = (await server.liveHeapBytes()) ?? Infinity;

    figures.add('players drawing during the attacks', crowd.members.length, 'load');
    figures.add('crafted attacks sent', crafted.length, 'authz', { min: ATTACKS.length });
    figures.add('attack kinds refused', refusedByKind.size, 'authz', { equals: ATTACKS.length });
    figures.add('crafted attacks left open', craftedOpen, 'authz', { max: 0 });
    figures.add('slowest close of an attacker', slowestClose, 'authz', {
      max: CLOSE_BOUND_MS,
      unit: 'ms',
    });
    // A flooder's own 1000 queued frames drain before its socket reports closed: reported only.
    figures.add('slowest close of a flooder', slowestFlood, 'dos', { unit: 'ms' });
    figures.add('random frames sent', randomFrames, 'fuzz', { min: 1 });
    figures.add('sockets the random frames were sent on', randomSockets, 'fuzz');
    figures.add('of them closed by the server', randomClosed, 'fuzz');
    figures.add('server crashes caused by input', server.alive ? 0 : 1, 'fuzz', { max: 0 });
    figures.add('slowest /healthz during attacks', health.maxLatencyMs, 'dos', {
      max: HEALTH_BOUND_MS,
      unit: 'ms',
    });
    figures.add('/healthz failures', health.failures, 'dos', { max: 0 });
    figures.add(
      'resident memory peak above the start',
      (memoryPeak - memoryBefore) / 2 ** 20,
      'dos',
      {
        unit: 'MiB',
      },
    );
    // Collected before both readings, so only what the server keeps counts; that includes the
    // players' strokes drawn meanwhile, which makes the bound stricter, not looser.
    figures.add(
      'live JS heap growth during the attacks',
      (heapAfter - heapBefore) / 2 ** 20,
      'dos',
      { max: HEAP_GROWTH_BOUND_MIB, unit: 'MiB' },
    );
    figures.add('strokes lost', converged.lost, 'jepsen', { max: 0 });
    figures.add('duplicates', converged.duplicates, 'jepsen', { max: 0 });
    figures.add('attacker content on peers', planted, 'authz', { max: 0 });
    const missing = ATTACKS.filter((a) => !refusedByKind.has(a.name)).map((a) => a.name);
    if (missing.length > 0) say(`never refused: ${missing.join(', ')}`);
  },
};
