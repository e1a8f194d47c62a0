import { canvasDocName } from '@scrawl/protocol';
import { sleep, type Scenario, type ScenarioContext } from '../context.js';
import { EmbeddedStore } from '../infra/embeddedStore.js';
import { eventLoopLagMaxSeconds, HealthProbe } from '../infra/healthProbe.js';
import { ScenarioCollab } from '../infra/scenarioCollab.js';
import { pickPerRoom, type Member } from '../load/crowd.js';
import { clean, contains, docOf, sumAudits, type StrokeAudit } from '../load/strokeAudit.js';
import type { Random } from '../random.js';
import { since } from '../timing.js';

/** Issue 11: everything is stored within 10 s of the store's recovery. */
const STORED_BOUND_MS = 10_000;
/** /healthz answers within 1 s throughout (issue 11's bound under attack, `bad-input`). */
const HEALTH_BOUND_MS = 1000;
/** How long the audits keep looking after the recovery, so that a miss shows by how much. */
const AUDIT_TIMEOUT_MS = 30_000;

/** A store, and how it goes down and comes back. */
interface OutageStore {
  /** How the figures name it. */
  label: string;
  database: () => Promise<string>;
  down(): Promise<void> | void;
  up(): Promise<void> | void;
}

/** What one store's outage came to. */
interface Outcome {
  players: number;
  left: number;
  strokes: number;
  downMs: number;
  stayedUp: boolean;
  probe: HealthProbe;
  /** The collab-server's longest event-loop lateness during the outage. */
  lagMs: number | string;
  /** Ms from the recovery until the store held everything (null: not in time). */
  storedAfter: number | null;
  stored: StrokeAudit;
  /** Leavers whose last board the store does not hold in full. */
  boardsMissing: number;
  /** Ms from the recovery until every remaining board was complete (null: not in time). */
  convergedAfter: number | null;
  clients: StrokeAudit;
}

/**
 * Issue 11's store outages, for both SQL stores at once: Postgres stopped for 30 s, and the
 * embedded store (PGlite, as `npm start` runs it) frozen for 30 s, each under a collab-server
 * of its own, while players draw and some leave for good (every player of some rooms, so the
 * server tries to store and fold their boards with the store down). The collab-server stays
 * up and /healthz answers throughout; within 10 s of the store's return it holds every stroke
 * drawn, none twice, and each leaver's last board in full; the remaining boards converge.
 */
export const storeOutagesSql: Scenario = {
  name: 'store-outages-sql',
  async run(context) {
    const { random, figures, postgres, logFd, defer, say } = context;
    const embedded = await EmbeddedStore.start({ logFd, defer });
    // Later scenarios need the suite's cluster, whatever happened here.
    defer(() => postgres.start());
    const stores: OutageStore[] = [
      {
        label: 'Postgres',
        database: context.database,
        down: () => postgres.stop(),
        up: () => postgres.start(),
      },
      {
        label: 'embedded',
        database: () => Promise.resolve(embedded.url),
        down: () => embedded.freeze(),
        up: () => embedded.thaw(),
      },
    ];
    const settled = await Promise.allSettled(
      stores.map((store, i) => outage(store, context, random.fork(i + 1), `${store.label[0]}R`)),
    );
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    const outcomes = settled.map((s) => (s as PromiseFulfilledResult<Outcome>).value);

    for (const [i, o] of outcomes.entries()) {
      const label = stores[i]!.label;
      const { outageSeconds } = context.tier.sqlOutages;
      figures.add(`${label}: store down for`, o.downMs / 1000, 'outage', {
        min: outageSeconds,
        unit: 's',
      });
      figures.add(`${label}: players drawing`, o.players, 'load');
      figures.add(`${label}: players who left during the outage`, o.left, 'outage', { min: 1 });
      figures.add(`${label}: strokes drawn`, o.strokes, 'jepsen', { min: 1 });
      figures.add(`${label}: collab-server stayed up`, o.stayedUp ? 'yes' : 'no', 'outage', {
        equals: 'yes',
      });
      figures.add(`${label}: /healthz unanswered during the outage`, o.probe.failures, 'outage', {
        max: 0,
      });
      figures.add(`${label}: slowest /healthz during the outage`, o.probe.maxLatencyMs, 'outage', {
        max: HEALTH_BOUND_MS,
        unit: 'ms',
      });
      figures.add(`${label}: longest event-loop lag during the outage`, o.lagMs, 'outage', {
        unit: 'ms',
      });
      figures.add(
        `${label}: everything stored after recovery`,
        o.storedAfter ?? 'never',
        'outage',
        {
          max: STORED_BOUND_MS,
          unit: 'ms',
        },
      );
      figures.add(`${label}: strokes lost in the store`, o.stored.lost, 'jepsen', { max: 0 });
      figures.add(`${label}: leavers' last boards not all stored`, o.boardsMissing, 'jepsen', {
        max: 0,
      });
      figures.add(
        `${label}: remaining boards complete after`,
        o.convergedAfter ?? 'never',
        'jepsen',
        {
          unit: 'ms',
        },
      );
      if (!clean(o.clients)) say(`${label}: clients: ${JSON.stringify(o.clients)}`);
      if (!clean(o.stored)) say(`${label}: store: ${JSON.stringify(o.stored)}`);
    }
    const all = sumAudits(outcomes.flatMap((o) => [o.stored, o.clients]));
    figures.add('strokes lost', all.lost, 'jepsen', { max: 0 });
    figures.add('duplicates', all.duplicates, 'jepsen', { max: 0 });
    figures.add('strokes altered', all.altered + all.foreign, 'jepsen', { max: 0 });
  },
};

/** One store's outage, from the first stroke to the audits. */
async function outage(
  store: OutageStore,
  { tier, logFd, defer, say }: ScenarioContext,
  random: Random,
  prefix: string,
): Promise<Outcome> {
  const { rooms, clientsPerRoom, leaversPerRoom, emptiedRooms, calmSeconds, outageSeconds } =
    tier.sqlOutages;
  const collab = await ScenarioCollab.start({ database: store.database, logFd, defer });
  const crowd = await collab.crowd({ rooms, perRoom: clientsPerRoom, random, prefix });
  // Past the forks the crowd gives its players (one a player).
  const picked = random.fork(10_000);
  const leavers = pickPerRoom(
    crowd,
    (room) => (room < emptiedRooms ? clientsPerRoom : leaversPerRoom),
    picked,
  );
  const remaining = crowd.members.filter((m) => !leavers.includes(m));
  crowd.startDrawing();
  await sleep(calmSeconds * 1000);

  const probe = new HealthProbe(`${collab.http}/healthz`);
  probe.start();
  defer(() => probe.stop());
  await eventLoopLagMaxSeconds(collab.http); // reads and resets it
  await store.down();
  const downAt = Date.now();
  const outageMs = outageSeconds * 1000;
  say(
    `${store.label} down for ${outageSeconds} s; ${leavers.length} of ${crowd.members.length} ` +
      `players leave meanwhile, every one of ${emptiedRooms} room(s)`,
  );
  await Promise.all(
    leavers.map(async (m) => {
      await sleep(picked.int(outageMs * 0.1, outageMs * 0.9));
      // Its board stays as it was when it left: the store must hold all of it.
      m.client.close();
    }),
  );
  // Not a millisecond less (a timer may fire a little early by the wall clock).
  while (Date.now() < downAt + outageMs) await sleep(downAt + outageMs - Date.now());
  await probe.stop();
  const lagSeconds = await eventLoopLagMaxSeconds(collab.http);
  await store.up();
  const recovered = Date.now();
  crowd.stopDrawing();
  say(`${store.label} back after ${((recovered - downAt) / 1000).toFixed(1)} s; auditing`);

  const storeDb = collab.openStore();
  const board = (m: Member) => storeDb.load(canvasDocName(m.client.seat.roomId, 0));
  const [storedRun, clientsRun] = await Promise.all([
    untilClean(
      recovered,
      async () => ({
        audit: await crowd.auditStore((name) => storeDb.load(name)),
        boardsMissing: (
          await Promise.all(leavers.map(async (m) => contains(docOf(await board(m)), m.client.doc)))
        ).filter((held) => !held).length,
      }),
      (s) => clean(s.audit) && s.boardsMissing === 0,
    ),
    untilClean(
      recovered,
      () => crowd.auditClients(undefined, remaining),
      (audit) => clean(audit),
    ),
  ]);
  return {
    players: crowd.members.length,
    left: leavers.length,
    strokes: crowd.strokes,
    downMs: recovered - downAt,
    stayedUp: collab.process.alive,
    probe,
    lagMs: lagSeconds === null ? 'unread' : lagSeconds * 1000,
    storedAfter: storedRun.after,
    stored: storedRun.last.audit,
    boardsMissing: storedRun.last.boardsMissing,
    convergedAfter: clientsRun.after,
    clients: clientsRun.last,
  };
}

/**
 * Runs `check` until `done` holds of what it returns: the last result, and the time from
 * `from` when it held (null if it did not within the audits' timeout).
 */
async function untilClean<T>(
  from: number,
  check: () => T | Promise<T>,
  done: (result: T) => boolean,
): Promise<{ last: T; after: number | null }> {
  let last = await check();
  const after = await since(from, async () => done((last = await check())), AUDIT_TIMEOUT_MS, 250);
  return { last, after };
}
