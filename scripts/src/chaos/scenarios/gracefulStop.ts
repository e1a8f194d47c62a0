import * as Y from 'yjs';
import { readStrokes } from '@scrawl/drawing-engine';
import { TestClient, joinRoom } from '@scrawl/collab-server/testing';
import { canvasDocName } from '@scrawl/protocol';
import { sleep, type Scenario } from '../context.js';
import { ScenarioCollab } from '../infra/scenarioCollab.js';
import { contains, docOf } from '../load/strokeAudit.js';

/** How long a graceful stop may take (README: Ctrl-C stops everything within 5 s). */
const STOP_BOUND_MS = 5000;

/**
 * SIGTERM while players draw, then every client gone: the collab-server exits cleanly and
 * the store holds the last in-memory state — everything the server had forwarded to a
 * watching spectator (what it held in memory and shared), every stroke of it, none twice.
 */
export const gracefulStop: Scenario = {
  name: 'graceful-stop',
  async run({ tier, random, figures, database, logFd, defer, say }) {
    const { rooms, clientsPerRoom, drawSeconds } = tier.graceful;
    const collab = await ScenarioCollab.start({ database, logFd, defer });
    const { http } = collab;
    const crowd = await collab.crowd({ rooms, perRoom: clientsPerRoom, random });
    const watchers = await Promise.all(
      crowd.seats.map(async (seats) => {
        const seat = await joinRoom(http, seats[0]!.code, 'Watcher', 'spectator');
        const client = new TestClient(collab.ws);
        defer(() => client.close());
        return (await client.open(canvasDocName(seat.roomId, 0), seat.token)).document;
      }),
    );
    crowd.startDrawing();
    await sleep(drawSeconds * 1000);
    // What the server had shared, frozen at the moment of the signal.
    const forwarded = watchers.map((doc) => docOf(Y.encodeStateAsUpdate(doc)));
    const signalled = Date.now();
    const exit = await collab.process.kill('SIGTERM');
    const stopMs = Date.now() - signalled;
    // Updates that reached the server after the snapshot are stored too; take them into account.
    const shared = watchers.map((doc) => docOf(Y.encodeStateAsUpdate(doc)));
    crowd.stopDrawing();
    await crowd.close();
    say(`stopped in ${stopMs} ms (${exit.code ?? exit.signal}); comparing the store`);

    const store = collab.openStore();
    let missing = 0;
    let duplicates = 0;
    let strokes = 0;
    let complete = true;
    for (const [room, seats] of crowd.seats.entries()) {
      const stored = docOf(await store.load(canvasDocName(seats[0]!.roomId, 0)));
      const storedIds = readStrokes(stored).map((s) => s.id);
      const ids = new Set(storedIds);
      duplicates += storedIds.length - ids.size;
      const inMemory = readStrokes(forwarded[room]!);
      strokes += inMemory.length;
      missing += inMemory.filter((s) => !ids.has(s.id)).length;
      complete &&= contains(stored, shared[room]!);
    }
    figures.add('players drawing at SIGTERM', crowd.members.length, 'jepsen');
    figures.add('exit code after SIGTERM', exit.code ?? String(exit.signal), 'jepsen', {
      equals: 0,
    });
    figures.add('graceful stop took', stopMs, 'jepsen', { max: STOP_BOUND_MS, unit: 'ms' });
    figures.add('strokes the server had shared', strokes, 'jepsen', { min: 1 });
    figures.add('strokes lost', missing, 'jepsen', { max: 0 });
    figures.add('duplicates', duplicates, 'jepsen', { max: 0 });
    figures.add('store holds every update shared', complete ? 'yes' : 'no', 'jepsen', {
      equals: 'yes',
    });
  },
};
