import { eventually } from '@scrawl/collab-server/testing';
import { sleep, type Scenario } from '../context.js';
import { ScenarioCollab } from '../infra/scenarioCollab.js';
import { clean } from '../load/strokeAudit.js';

/** How long clients may take to hold every stroke once the faults stop. */
const CONVERGE_TIMEOUT_MS = 60_000;

/**
 * 50 players in 5 rooms draw while each goes offline now and then (its connection reset or
 * black-holed for 0.5–5 s) and the collab-server is killed with SIGKILL and restarted:
 * afterwards every client and the stored documents hold every stroke drawn, none twice.
 */
export const offlineKills: Scenario = {
  name: 'offline-kills',
  async run({ tier, random, figures, database, logFd, defer, say }) {
    const { rooms, clientsPerRoom, kills, drawSeconds } = tier.offline;
    const collab = await ScenarioCollab.start({ database, logFd, defer });
    const crowd = await collab.crowd({ rooms, perRoom: clientsPerRoom, random, proxied: true });
    say(`${crowd.members.length} players in ${rooms} rooms drawing for ${drawSeconds} s`);
    crowd.startDrawing();

    let faulting = true;
    let cuts = 0;
    let holes = 0;
    const offline = crowd.members.map(async ({ proxy }, i) => {
      const r = random.fork(10_000 + i);
      while (faulting && proxy) {
        await sleep(r.int(1000, 6000));
        if (!faulting) break;
        const span = r.int(500, 5000);
        if (r.chance(0.5)) {
          proxy.cut();
          cuts++;
          await sleep(span);
          proxy.restore();
        } else {
          proxy.holeOn();
          holes++;
          await sleep(span);
          proxy.holeOff();
        }
      }
    });
    const started = Date.now();
    const gap = (drawSeconds * 1000) / (kills + 1);
    let killed = 0;
    for (let k = 0; k < kills; k++) {
      await sleep(started + gap * (k + 1) - Date.now());
      await collab.process.kill('SIGKILL');
      killed++;
      await sleep(random.int(200, 1500));
      await collab.restart();
    }
    await sleep(started + drawSeconds * 1000 - Date.now());
    faulting = false;
    await Promise.all(offline);
    crowd.stopDrawing();
    const calm = Date.now();
    say(`${killed} kills, ${cuts} cuts, ${holes} black holes; waiting for every board`);

    const converged = await eventually(
      () => {
        const audit = crowd.auditClients();
        if (!clean(audit)) throw new Error(`clients still differ: ${JSON.stringify(audit)}`);
        return Date.now() - calm;
      },
      { timeoutMs: CONVERGE_TIMEOUT_MS, intervalMs: 250 },
    ).catch(() => null);
    const clients = crowd.auditClients();

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
    figures.add('updates sent per second', crowd.updates / drawSeconds, 'load');
    figures.add('strokes drawn', crowd.strokes, 'jepsen', { min: 1 });
    figures.add('points drawn', crowd.points, 'jepsen');
    figures.add('collab-server SIGKILLs survived', killed, 'jepsen', { min: kills });
    figures.add('offline spans (reset / black hole)', `${cuts} / ${holes}`, 'jepsen');
    figures.add('every board complete after', converged ?? 'never', 'jepsen', { unit: 'ms' });
    figures.add('strokes lost', clients.lost + stored.lost, 'jepsen', { max: 0 });
    figures.add('duplicates', clients.duplicates + stored.duplicates, 'jepsen', { max: 0 });
    figures.add('strokes altered', clients.altered + stored.altered, 'jepsen', { max: 0 });
    figures.add('strokes lost in the store', stored.lost, 'jepsen', { max: 0 });
    if (!clean(clients)) say(`clients: ${JSON.stringify(clients)}`);
    if (!clean(stored)) say(`store: ${JSON.stringify(stored)}`);
  },
};
