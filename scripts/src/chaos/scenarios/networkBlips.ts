import * as Y from 'yjs';
import { eventually } from '@scrawl/collab-server/testing';
import { sleep, type Scenario } from '../context.js';
import { ScenarioCollab } from '../infra/scenarioCollab.js';
import { pickPerRoom, type Member } from '../load/crowd.js';
import type { DrawingClient } from '../load/DrawingClient.js';
import { goneFrom, POLL_MS, shows, showsCurrent } from '../load/presence.js';
import { clean } from '../load/strokeAudit.js';
import { Visitor } from '../load/Visitor.js';
import { since, slowest } from '../timing.js';

/** Issue 11: caught up within 3 s of the network returning. */
const CATCH_UP_BOUND_MS = 3000;
/** How long a client is given after a hole before its catch-up counts as never. */
const CATCH_UP_TIMEOUT_MS = 20_000;
/**
 * How soon a vanished player's cursor must be gone from every board, counted from its last
 * word: y-protocols drops a state not renewed for 30 s (`outdatedTimeout`), checked every 3 s
 * (a tenth of it) on every client and on the server, which relays its removal; plus 1 s for
 * that relay and a busy 2-core machine.
 */
const VANISHED_BOUND_MS = 30_000 + 3000 + 1000;
/** Drawing without faults before the first hole and after each catch-up. */
const CALM_MS = 3000;

/**
 * Players draw while some of them (several per room) lose their network to black holes of
 * 2 s, 10 s and 45 s in turn, drawing on offline. Once the network returns each must hold,
 * within 3 s, everything the others drew meanwhile, and they what it drew offline. In every
 * hole another player leaves the room (its cursor must be gone once the network is back),
 * and during the longest one more vanishes for good (its cursor must time out everywhere).
 * Afterwards every board and the store hold every stroke, none twice.
 */
export const networkBlips: Scenario = {
  name: 'network-blips',
  async run({ tier, random, figures, database, logFd, defer, say }) {
    const { rooms, clientsPerRoom, blippedPerRoom, holesMs } = tier.blips;
    const collab = await ScenarioCollab.start({ database, logFd, defer });
    const { http, port } = collab;
    const crowd = await collab.crowd({ rooms, perRoom: clientsPerRoom, random, proxied: true });
    const visitors: Visitor[] = [];
    defer(() =>
      Promise.all(
        visitors.map((v) => {
          v.close();
          return v.proxy.close();
        }),
      ),
    );
    const roomOf = (room: number) => crowd.members.filter((m) => m.room === room);
    const visit = async (room: number, name: string) => {
      const visitor = await Visitor.join({
        http,
        collabPort: port,
        code: crowd.seats[room]![0]!.code,
        name,
        random: random.fork(5000 + visitors.length),
      });
      visitors.push(visitor);
      const observers = roomOf(room).map((m) => m.client);
      await eventually(() => {
        if (!observers.every((o) => shows(o, visitor.clientId))) throw new Error('not seen yet');
      });
      return visitor;
    };

    const blipped = pickPerRoom(crowd, blippedPerRoom, random.fork(1));
    const closes = blipped.map(() => [] as { at: number; code: number }[]);
    blipped.forEach((m, i) =>
      m.client.socket.on('disconnect', ({ event }: { event?: { code?: number } }) => {
        closes[i]!.push({ at: Date.now(), code: event?.code ?? 0 });
      }),
    );
    const vanishers = await Promise.all(crowd.seats.map((_, room) => visit(room, `R${room}Gone`)));
    const longest = holesMs.findIndex((ms) => ms > VANISHED_BOUND_MS);
    const vanishRound = longest >= 0 ? longest : holesMs.length - 1;
    say(
      `${crowd.members.length} players in ${rooms} rooms drawing, ${blipped.length} of them ` +
        `through black holes of ${holesMs.map((ms) => ms / 1000).join(', ')} s`,
    );
    crowd.startDrawing();
    await sleep(CALM_MS);

    const catchUps: { holeMs: number; ms: number | null }[] = [];
    const presenceBack: (number | null)[] = [];
    const departedGone: (number | null)[] = [];
    const reconnects: string[] = [];
    let vanishedGone: (number | null)[] = [];
    for (const [round, holeMs] of holesMs.entries()) {
      const leavers = await Promise.all(
        crowd.seats.map((_, room) => visit(room, `R${room}Left${round}`)),
      );
      const vanishing = round === vanishRound ? vanishers : [];
      const started = Date.now();
      for (const m of blipped) m.proxy!.holeOn();
      for (const v of vanishing) v.vanish();
      const vanished = vanishing.map((v, room) =>
        goneFrom(
          roomOf(room).map((m) => m.client),
          v.clientId,
          VANISHED_BOUND_MS + 10_000,
        ).then((gone) => gone.map((at) => (at === null ? null : at - started))),
      );
      const departed = leavers.map(async (v, room) => {
        await sleep(random.int(holeMs * 0.2, holeMs * 0.8));
        const leftAt = Date.now();
        v.leave(random.chance(0.5));
        const observers = roomOf(room);
        const gone = await goneFrom(
          observers.map((m) => m.client),
          v.clientId,
          holeMs + CATCH_UP_TIMEOUT_MS,
        );
        return { leftAt, observers, gone };
      });
      await sleep(started + holeMs - Date.now());
      const checks = blipped.map((m) => ({
        strokes: caughtUp(m, roomOf(m.room)),
        presence: () =>
          roomOf(m.room).every(
            (p) =>
              p === m || (showsCurrent(p.client, m.client) && showsCurrent(m.client, p.client)),
          ),
      }));
      const returned = Date.now();
      for (const m of blipped) m.proxy!.holeOff();
      const [strokes, presence] = await Promise.all([
        Promise.all(checks.map((c) => since(returned, c.strokes, CATCH_UP_TIMEOUT_MS, POLL_MS))),
        Promise.all(checks.map((c) => since(returned, c.presence, CATCH_UP_TIMEOUT_MS, POLL_MS))),
      ]);
      catchUps.push(...strokes.map((ms) => ({ holeMs, ms })));
      presenceBack.push(...presence);
      presence.forEach((ms, i) => {
        if (ms === null)
          say(`presence still behind: ${presenceGap(blipped[i]!, roomOf(blipped[i]!.room))}`);
      });
      for (const { leftAt, observers, gone } of await Promise.all(departed))
        // A black-holed observer cannot learn of it before the network returns.
        departedGone.push(
          ...gone.map((at, i) =>
            at === null
              ? null
              : Math.max(0, at - (blipped.includes(observers[i]!) ? returned : leftAt)),
          ),
        );
      if (vanished.length > 0) vanishedGone = (await Promise.all(vanished)).flat();
      const codes = closes
        .flat()
        .filter((c) => c.at >= started)
        .map((c) => c.code);
      for (const list of closes) list.length = 0;
      reconnects.push(
        `${holeMs / 1000} s: ${codes.length}${codes.length ? ` (${[...new Set(codes)].join(', ')})` : ''}`,
      );
      say(
        `${holeMs / 1000} s hole: caught up in ${strokes.map((ms) => ms ?? 'never').join(', ')} ms; ` +
          `sockets closed: ${codes.length}`,
      );
      await sleep(CALM_MS);
    }
    crowd.stopDrawing();

    const present = (room: number) => new Set(roomOf(room).map((m) => m.client.doc.clientID));
    const stale = () =>
      crowd.members.reduce(
        (sum, m) =>
          sum +
          [...m.client.canvas.awareness!.getStates().keys()].filter(
            (id) => !present(m.room).has(id),
          ).length,
        0,
      );
    const staleAtEnd = await eventually(
      () => {
        const count = stale();
        if (count > 0) throw new Error(`${count} stale cursors`);
        return count;
      },
      { timeoutMs: CATCH_UP_BOUND_MS, intervalMs: POLL_MS },
    ).catch(stale);
    const converged = await eventually(
      () => {
        const audit = crowd.auditClients();
        if (!clean(audit)) throw new Error(`clients still differ: ${JSON.stringify(audit)}`);
        return audit;
      },
      { timeoutMs: CATCH_UP_TIMEOUT_MS, intervalMs: 250 },
    ).catch(() => crowd.auditClients());
    const store = collab.openStore();
    const storedAudit = () => crowd.auditStore((name) => store.load(name));
    const stored = await eventually(
      async () => {
        const audit = await storedAudit();
        if (!clean(audit)) throw new Error('store incomplete');
        return audit;
      },
      { timeoutMs: 10_000, intervalMs: 250 },
    ).catch(storedAudit);

    figures.add('players drawing', crowd.members.length, 'load');
    figures.add('strokes drawn', crowd.strokes, 'jepsen', { min: 1 });
    figures.add('blips survived', catchUps.filter((c) => c.ms !== null).length, 'partition', {
      min: blipped.length * holesMs.length,
    });
    for (const holeMs of new Set(holesMs)) {
      const times = catchUps.filter((c) => c.holeMs === holeMs).map((c) => c.ms);
      figures.add(`slowest catch-up after a ${holeMs / 1000} s hole`, slowest(times), 'partition', {
        max: CATCH_UP_BOUND_MS,
        unit: 'ms',
      });
    }
    figures.add('sockets closed by the holes', reconnects.join('; '), 'partition');
    figures.add('slowest presence catch-up', slowest(presenceBack), 'presence', {
      max: CATCH_UP_BOUND_MS,
      unit: 'ms',
    });
    figures.add("slowest removal of a leaver's cursor", slowest(departedGone), 'presence', {
      max: CATCH_UP_BOUND_MS,
      unit: 'ms',
    });
    figures.add(
      "slowest removal of a vanished player's cursor",
      slowest(vanishedGone),
      'presence',
      {
        max: VANISHED_BOUND_MS,
        unit: 'ms',
      },
    );
    figures.add('stale cursors at the end', staleAtEnd, 'presence', { max: 0 });
    figures.add('strokes lost', converged.lost + stored.lost, 'jepsen', { max: 0 });
    figures.add('duplicates', converged.duplicates + stored.duplicates, 'jepsen', { max: 0 });
    figures.add('strokes altered', converged.altered + stored.altered, 'jepsen', { max: 0 });
    if (!clean(converged)) say(`clients: ${JSON.stringify(converged)}`);
    if (!clean(stored)) say(`store: ${JSON.stringify(stored)}`);
  },
};

/**
 * Whether `member` and the rest of its room have exchanged everything each had written by
 * now: its board holds every peer's own updates up to now, every peer's board its own.
 * Strokes only grow in this scenario, so the clocks of the writers' own ids say it all.
 */
function caughtUp(member: Member, room: readonly Member[]): () => boolean {
  const own = (client: DrawingClient) => Y.getState(client.doc.store, client.doc.clientID);
  const mine = own(member.client);
  const peers = room
    .filter((p) => p !== member)
    .map((p) => ({ doc: p.client.doc, id: p.client.doc.clientID, clock: own(p.client) }));
  return () =>
    peers.every(
      (p) =>
        Y.getState(member.client.doc.store, p.id) >= p.clock &&
        Y.getState(p.doc.store, member.client.doc.clientID) >= mine,
    );
}

/** What `member` and its room show of each other's cursors, where it is not the current one. */
function presenceGap(member: Member, room: readonly Member[]): string {
  const view = (observer: DrawingClient, subject: DrawingClient) =>
    showsCurrent(observer, subject)
      ? null
      : `${observer.seat.name} shows ${subject.seat.name} ${
          shows(observer, subject.doc.clientID) ? 'at an old position' : 'nowhere'
        }`;
  return room
    .filter((p) => p !== member)
    .flatMap((p) => [view(p.client, member.client), view(member.client, p.client)])
    .filter((gap) => gap !== null)
    .join('; ');
}
