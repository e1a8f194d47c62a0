import { Redis } from 'ioredis';
import { RESYNC_INTERVAL_MS, RedisDocumentStore } from '@scrawl/collab-server';
import { eventually } from '@scrawl/collab-server/testing';
import { sleep, type Scenario } from '../context.js';
import { HealthProbe } from '../infra/healthProbe.js';
import { PrivateRedis } from '../infra/privateRedis.js';
import { ScenarioCollab } from '../infra/scenarioCollab.js';
import { Crowd } from '../load/crowd.js';
import { clean, type StrokeAudit } from '../load/strokeAudit.js';
import { since, slowest } from '../timing.js';

/** Issue 11: everything is stored within 10 s of the store's recovery. */
const STORE_BOUND_MS = 10_000;
/**
 * How soon boards on both instances hold everything again: even if every message between the
 * instances in flight is lost, each re-announces its documents every 10 s, counted from its
 * reconnect, which ioredis tries at most 2 s after Redis is back.
 */
const CONVERGE_BOUND_MS = RESYNC_INTERVAL_MS + 2000;
/** Issue 11: /healthz answers within 1 s, whatever happens behind it. */
const HEALTH_BOUND_MS = 1000;
/** How long a check may wait before it counts as never (past its bound, to show by how much). */
const WAIT_MS = 40_000;
/** Drawing with Redis up before the first kill and after each recovery. */
const CALM_MS = 3000;
/** How often the store and the boards are looked at. */
const POLL_MS = 100;
/** Key prefix of the scenario's instances in its own Redis. */
const PREFIX = 'chaos';

/**
 * Two collab-server instances share one Redis (documents and pub/sub, as in services mode)
 * and serve the same rooms, each room's players split across both. Redis is killed with
 * SIGKILL while they draw, stays down for some seconds while they keep drawing, and is
 * started again on its directory (append-only, so it keeps what it acknowledged). Both
 * instances must stay up and answer /healthz throughout; within 10 s of Redis coming back
 * the store must hold every stroke drawn until then, and every board on either instance
 * every stroke drawn on the other. At the end, boards and store hold every stroke, once.
 */
export const storeOutagesRedis: Scenario = {
  name: 'store-outages-redis',
  async run({ tier, random, figures, database, logFd, defer, say }) {
    const { rooms, clientsPerRoom, kills, outageSeconds } = tier.redisOutage;
    const redis = await PrivateRedis.start(logFd);
    defer(() => redis.destroy());
    const databaseUrl = await database();
    const instances: ScenarioCollab[] = [];
    // One after the other: both would migrate the fresh database at once.
    for (const name of ['collab-1', 'collab-2']) {
      instances.push(
        await ScenarioCollab.start(
          { database: async () => databaseUrl, logFd, defer },
          { name, env: { REDIS_URL: redis.url, REDIS_PREFIX: PREFIX, INSTANCE_ID: name } },
        ),
      );
    }
    const crowd = await Crowd.join({
      http: instances[0]!.http,
      collabPort: instances.map((c) => c.port),
      rooms,
      perRoom: clientsPerRoom,
      random,
    });
    defer(() => crowd.close());
    // The audit's own connection: reconnects at once, so its delay never counts as the server's.
    const reader = new Redis(redis.url, { retryStrategy: () => 50, maxRetriesPerRequest: null });
    reader.on('error', () => {});
    defer(() => reader.disconnect());
    const store = new RedisDocumentStore(reader, PREFIX);
    const load = (name: string) => store.load(name);
    const probes = instances.map((c) => new HealthProbe(`${c.http}/healthz`));
    defer(() => Promise.all(probes.map((p) => p.stop())));
    for (const probe of probes) probe.start();

    say(
      `${crowd.members.length} players in ${rooms} rooms on 2 instances drawing; ` +
        `Redis killed ${kills} time(s) for ${outageSeconds} s`,
    );
    crowd.startDrawing();
    await sleep(CALM_MS);
    const outages: {
      ms: number;
      drawn: number;
      storedMs: number | null;
      sharedMs: number | null;
    }[] = [];
    for (let k = 0; k < kills; k++) {
      const before = crowd.strokes;
      const killed = Date.now();
      await redis.kill();
      await sleep(killed + outageSeconds * 1000 - Date.now());
      await redis.restart();
      const back = Date.now();
      // Every stroke finished by now must be stored, and on every board, soon.
      const drawn = crowd.drawnByRoom();
      const [storedMs, sharedMs] = await Promise.all([
        since(back, async () => holds(await crowd.auditStore(load, drawn)), WAIT_MS, POLL_MS),
        since(back, () => holds(crowd.auditClients(drawn)), WAIT_MS, POLL_MS),
      ]);
      outages.push({ ms: back - killed, drawn: crowd.strokes - before, storedMs, sharedMs });
      say(
        `Redis down ${back - killed} ms; stored in ${storedMs ?? 'never'} ms, ` +
          `boards converged in ${sharedMs ?? 'never'} ms`,
      );
      if (sharedMs === null)
        for (const instance of [0, 1]) {
          const boards = crowd.members.filter((m) => m.instance === instance);
          say(
            `boards on collab-${instance + 1}: ${JSON.stringify(crowd.auditClients(drawn, boards))}`,
          );
        }
      await sleep(CALM_MS);
    }
    crowd.stopDrawing();

    const clients = await eventually(
      () => {
        const audit = crowd.auditClients();
        if (!clean(audit)) throw new Error('boards still differ');
        return audit;
      },
      { timeoutMs: WAIT_MS, intervalMs: POLL_MS },
    ).catch(() => crowd.auditClients());
    const stored = await eventually(
      async () => {
        const audit = await crowd.auditStore(load);
        if (!clean(audit)) throw new Error('store incomplete');
        return audit;
      },
      { timeoutMs: STORE_BOUND_MS, intervalMs: POLL_MS },
    ).catch(() => crowd.auditStore(load));
    await Promise.all(probes.map((p) => p.stop()));

    figures.add('players drawing (on 2 instances)', crowd.members.length, 'load');
    figures.add('strokes drawn', crowd.strokes, 'jepsen', { min: 1 });
    figures.add('Redis SIGKILLs', outages.length, 'jepsen', { min: kills });
    figures.add('longest Redis outage', Math.max(...outages.map((o) => o.ms)), 'outage', {
      unit: 'ms',
    });
    figures.add(
      'strokes drawn while Redis was down',
      Math.min(...outages.map((o) => o.drawn)),
      'jepsen',
      { min: 1 },
    );
    figures.add(
      'slowest time to store everything after recovery',
      slowest(outages.map((o) => o.storedMs)),
      'outage',
      { max: STORE_BOUND_MS, unit: 'ms' },
    );
    figures.add(
      'slowest convergence across instances after recovery',
      slowest(outages.map((o) => o.sharedMs)),
      'partition',
      { max: CONVERGE_BOUND_MS, unit: 'ms' },
    );
    figures.add(
      'collab-server processes that died',
      instances.filter((c) => !c.process.alive).length,
      'outage',
      { max: 0 },
    );
    figures.add('slowest /healthz', Math.max(...probes.map((p) => p.maxLatencyMs)), 'outage', {
      max: HEALTH_BOUND_MS,
      unit: 'ms',
    });
    figures.add(
      '/healthz failures',
      probes.reduce((sum, p) => sum + p.failures, 0),
      'outage',
      { max: 0 },
    );
    figures.add('strokes lost', clients.lost + stored.lost, 'jepsen', { max: 0 });
    figures.add('duplicates', clients.duplicates + stored.duplicates, 'jepsen', { max: 0 });
    figures.add('strokes altered', clients.altered + stored.altered, 'jepsen', { max: 0 });
    if (!clean(clients)) say(`clients: ${JSON.stringify(clients)}`);
    if (!clean(stored)) say(`store: ${JSON.stringify(stored)}`);
  },
};

/**
 * Whether the audited documents hold every stroke of the snapshot audited against, as drawn
 * and once (strokes drawn since the snapshot count as foreign and do not matter here).
 */
function holds(audit: StrokeAudit): boolean {
  return audit.lost + audit.duplicates + audit.altered === 0;
}
