/**
 * A load-generator process: sets up the rooms it is given (drawer and watchers of each room
 * together, so the latency side table stays in one process), runs them for the window the
 * harness asks for, and reports. Started by the harness with an IPC channel.
 */
import { now, sleep } from '../clock.js';
import { loadTrace } from '../trace.js';
import type { BenchRoom, RoomPlan } from './BenchRoom.js';
import { HocuspocusRoom } from './hocuspocusRoom.js';
import { JsonRoom } from './jsonRoom.js';
import { Meter } from './Meter.js';
import { fromWorkerSchema, toWorkerSchema, type FromWorker } from './messages.js';
import { ScrawlRoom } from './scrawlRoom.js';
import { SendTable } from './SendTable.js';
import { YWebsocketRoom } from './yWebsocketRoom.js';

/** Rooms set up at once: enough to overlap round trips, few enough not to swamp the server. */
const SETUP_PARALLEL = 4;

// Every y-websocket provider listens for process exit; hundreds of them are expected here.
process.setMaxListeners(0);
const trace = loadTrace();
const table = new SendTable();
const meter = new Meter();
const rooms: BenchRoom[] = [];

function send(message: FromWorker): void {
  process.send?.(fromWorkerSchema.parse(message));
}

function roomFor(plan: RoomPlan): BenchRoom {
  switch (plan.kind) {
    case 'scrawl':
      return new ScrawlRoom(plan, trace, table, meter);
    case 'hocuspocus':
      return new HocuspocusRoom(plan, trace, table, meter);
    case 'json':
      return new JsonRoom(plan, trace, table, meter);
    case 'ywebsocket':
      return new YWebsocketRoom(plan, trace, table, meter);
  }
}

async function setup(plans: readonly RoomPlan[]): Promise<void> {
  const started = now();
  const queue = [...plans];
  await Promise.all(
    Array.from({ length: SETUP_PARALLEL }, async () => {
      for (let plan = queue.shift(); plan; plan = queue.shift()) {
        const room = roomFor(plan);
        rooms.push(room);
        await room.setup();
      }
    }),
  );
  send({ type: 'ready', setupMs: now() - started });
}

async function run(warmupMs: number, measureMs: number, drainMs: number): Promise<void> {
  const started = now();
  table.measure(started + warmupMs, started + warmupMs + measureMs);
  for (const room of rooms) room.start();
  await sleep(warmupMs);
  meter.measuring = true;
  await sleep(measureMs);
  for (const room of rooms) room.stop();
  // Arrivals of points sent inside the window still count: latency is keyed by send time.
  const stopped = now();
  // Wait until every watcher holds every point and sees every finished stroke as finished.
  const behind = (room: BenchRoom) => {
    const { lostPoints, unfinishedStrokes } = room.report();
    return lostPoints + unfinishedStrokes > 0;
  };
  while (rooms.some(behind) && now() - stopped < drainMs) await sleep(20);
  meter.measuring = false;
  const drained = now() - stopped;
  const { latency, ...counts } = meter;
  send({
    type: 'result',
    latency: latency.toJSON(),
    counts: {
      watcherBytesIn: counts.watcherBytesIn,
      strokeBytesIn: counts.strokeBytesIn,
      strokeMessagesIn: counts.strokeMessagesIn,
      pointsArrived: counts.pointsArrived,
      drawerMessagesOut: counts.drawerMessagesOut,
      drawerStrokeMessagesOut: counts.drawerStrokeMessagesOut,
      drawerStrokeBytesOut: counts.drawerStrokeBytesOut,
      chatSent: counts.chatSent,
    },
    rooms: rooms.map((room) => ({ ...room.report(), canvasDocs: [...room.report().canvasDocs] })),
    drainMs: drained,
  });
}

process.on('message', (raw: unknown) => {
  const parsed = toWorkerSchema.safeParse(raw);
  if (!parsed.success) return;
  const message = parsed.data;
  const fail = (error: unknown) =>
    send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  if (message.type === 'setup') setup(message.rooms).catch(fail);
  else if (message.type === 'start')
    run(message.warmupMs, message.measureMs, message.drainMs).catch(fail);
  else {
    for (const room of rooms) room.close();
    setTimeout(() => process.exit(0), 200).unref();
  }
});
process.on('disconnect', () => process.exit(0));
// Exit on SIGTERM as on a close message: a CPU profile (--cpu-prof) is written only then.
process.on('SIGTERM', () => process.exit(0));
