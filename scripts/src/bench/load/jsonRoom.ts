import WebSocket from 'ws';
import { z } from 'zod';
import type { InputPoint } from '@scrawl/drawing-engine';
import { now, waitFor } from '../clock.js';
import { quantized } from '../trace.js';
import { instanceOf } from './BenchRoom.js';
import type { StrokeSink } from './DrawerLoop.js';
import { LoadRoom } from './LoadRoom.js';
import { messageBytes, type Meter } from './Meter.js';
import type { SendTable } from './SendTable.js';

/**
 * What the JSON relay carries, as a socket.io-style app sends it: one JSON message per
 * animation frame with that frame's points as objects (quantised to the integers Scrawl
 * stores, the relay's best case), a message at pointer-up, chat lines.
 */
export const relayMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('points'),
    stroke: z.string(),
    from: z.number(),
    color: z.string().optional(),
    width: z.number().optional(),
    points: z.array(z.object({ x: z.number(), y: z.number(), p: z.number(), t: z.number() })),
  }),
  z.object({ type: z.literal('done'), stroke: z.string() }),
  z.object({ type: z.enum(['chat', 'guess']), text: z.string() }),
]);
export type RelayMessage = z.infer<typeof relayMessageSchema>;

/** A room of the raw JSON relay baseline: plain `ws` sockets, one per client. */
export class JsonRoom extends LoadRoom {
  private readonly sockets: WebSocket[] = [];
  private readonly watchers: JsonWatcher[] = [];

  async setup(): Promise<void> {
    for (let i = 0; i < this.plan.clients; i++) {
      const socket = new WebSocket(`${this.plan.ws[instanceOf(this.plan, i)]}/${this.name}`);
      this.sockets.push(socket);
      if (i > 0) this.watchers.push(new JsonWatcher(socket, this.table, this.meter));
    }
    await Promise.all(
      this.sockets.map(
        (socket) =>
          new Promise<void>((resolve, reject) => {
            socket.once('open', () => resolve());
            socket.once('error', reject);
          }),
      ),
    );
    this.prepareDrawer(new JsonSink(this.sockets[0]!, this.meter));
    this.prepareChats(
      this.sockets
        .slice(1)
        .map(
          (socket) => (type, text) =>
            socket.send(JSON.stringify({ type, text } satisfies RelayMessage)),
        ),
    );
    await waitFor(
      'sockets open',
      () => (this.sockets.every((s) => s.readyState === 1) ? true : null),
      10_000,
    );
  }

  protected tallies(): readonly JsonWatcher[] {
    return this.watchers;
  }

  protected disconnect(): void {
    for (const socket of this.sockets) socket.close();
  }
}

class JsonSink implements StrokeSink {
  private readonly sent = new Map<string, number>();

  constructor(
    private readonly socket: WebSocket,
    private readonly meter: Meter,
  ) {}

  flush(strokeId: string, points: readonly InputPoint[]): void {
    if (points.length === 0) return;
    const from = this.sent.get(strokeId) ?? 0;
    const message: RelayMessage = {
      type: 'points',
      stroke: strokeId,
      from,
      ...(from === 0 ? { color: '#1f2328', width: 8 } : {}),
      points: quantized(points),
    };
    this.sent.set(strokeId, from + points.length);
    this.send(JSON.stringify(message));
  }

  finish(strokeId: string, points: readonly InputPoint[]): void {
    this.flush(strokeId, points);
    this.sent.delete(strokeId);
    this.send(JSON.stringify({ type: 'done', stroke: strokeId } satisfies RelayMessage));
  }

  private send(text: string): void {
    this.meter.drawerFrame(Buffer.byteLength(text), true);
    this.socket.send(text);
  }
}

class JsonWatcher {
  points = 0;
  readonly done = new Set<string>();
  private readonly seen = new Map<string, number>();

  constructor(socket: WebSocket, table: SendTable, meter: Meter) {
    socket.on('message', (data: unknown) => {
      const at = now();
      const bytes = messageBytes(data);
      const text = Buffer.isBuffer(data) ? data.toString('utf8') : String(data);
      const parsed = relayMessageSchema.safeParse(JSON.parse(text));
      if (!parsed.success) return;
      const message = parsed.data;
      meter.watcherFrame(bytes, message.type === 'points' || message.type === 'done');
      if (message.type === 'points') {
        const seen = this.seen.get(message.stroke) ?? 0;
        const to = message.from + message.points.length;
        if (to > seen) {
          table.received(message.stroke, Math.max(seen, message.from), to, at, meter.latency);
          meter.arrived(to - Math.max(seen, message.from));
          this.points += to - Math.max(seen, message.from);
          this.seen.set(message.stroke, to);
        }
      } else if (message.type === 'done') {
        this.done.add(message.stroke);
      }
    });
  }
}
