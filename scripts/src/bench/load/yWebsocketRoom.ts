import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { InputPoint } from '@scrawl/drawing-engine';
import { waitFor } from '../clock.js';
import { quantized } from '../trace.js';
import { instanceOf } from './BenchRoom.js';
import type { StrokeSink } from './DrawerLoop.js';
import { LoadRoom } from './LoadRoom.js';
import { messageBytes, type Meter } from './Meter.js';
import { observeStrokes } from './observeStrokes.js';
import { StrokeTally } from './strokeTally.js';
import type { SendTable } from './SendTable.js';

/** y-websocket's message type of document sync (the first byte of a frame). */
const MESSAGE_SYNC = 0;

/**
 * A room of the y-websocket baseline: the canvas is a Y.Doc whose strokes are Y.Maps holding
 * their points as a Y.Array of numbers (x, y, pressure, t quantised as Scrawl stores them),
 * pushed once per animation frame. y-websocket has one document per socket, so chat lives
 * in a second document on a second socket, as an app on it would do.
 */
export class YWebsocketRoom extends LoadRoom {
  private readonly clients: YClient[] = [];

  async setup(): Promise<void> {
    for (let i = 0; i < this.plan.clients; i++) {
      this.clients.push(
        new YClient(this.plan.ws[instanceOf(this.plan, i)]!, this.name, i === 0, this.meter),
      );
    }
    await waitFor(
      'synced documents',
      () => (this.clients.every((c) => c.synced()) ? true : null),
      30_000,
    );
    for (const watcher of this.clients.slice(1)) watcher.track(this.table, this.meter);
    this.prepareDrawer(new YSink(this.clients[0]!.doc));
    this.prepareChats(
      this.clients
        .slice(1)
        .map(
          (client) => (kind, text) =>
            client.chat.getArray<string>('chat').push([`${kind}:${text}`]),
        ),
    );
  }

  protected tallies(): readonly StrokeTally[] {
    return this.clients.slice(1).map((client) => client.tally);
  }

  protected disconnect(): void {
    for (const client of this.clients) client.close();
  }
}

class YSink implements StrokeSink {
  private stroke: { id: string; points: Y.Array<number>; map: Y.Map<unknown> } | null = null;

  constructor(private readonly doc: Y.Doc) {}

  flush(strokeId: string, points: readonly InputPoint[]): void {
    const numbers = quantized(points).flatMap((p) => [p.x, p.y, p.p, p.t]);
    if (this.stroke?.id === strokeId) {
      if (numbers.length > 0) this.stroke.points.push(numbers);
      return;
    }
    const map = new Y.Map<unknown>();
    const array = new Y.Array<number>();
    this.doc.transact(() => {
      map.set('id', strokeId);
      map.set('author', 'bench-drawer');
      map.set('tool', 'brush');
      map.set('color', '#1f2328');
      map.set('width', 8);
      array.push(numbers);
      map.set('points', array);
      this.doc.getArray<Y.Map<unknown>>('strokes').push([map]);
    });
    this.stroke = { id: strokeId, points: array, map };
  }

  finish(strokeId: string, points: readonly InputPoint[]): void {
    if (points.length > 0 || this.stroke?.id !== strokeId) this.flush(strokeId, points);
    this.stroke?.map.set('done', true);
    this.stroke = null;
  }
}

class YClient {
  readonly doc = new Y.Doc();
  readonly chat = new Y.Doc();
  readonly tally = new StrokeTally();
  private readonly providers: WebsocketProvider[];

  constructor(url: string, name: string, drawer: boolean, meter: Meter) {
    class CountingWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols);
        if (!address.endsWith(`/${name}`)) return;
        this.on('message', (data: unknown) => {
          if (!drawer) meter.watcherFrame(messageBytes(data), firstByte(data) === MESSAGE_SYNC);
        });
      }

      override send(data: Parameters<WebSocket['send']>[0], ...rest: unknown[]): void {
        if (drawer) meter.drawerFrame(messageBytes(data), firstByte(data) === MESSAGE_SYNC);
        (super.send as (...args: unknown[]) => void)(data, ...rest);
      }
    }
    const options = {
      // Providers of one room share this process: keep them talking through the server only.
      disableBc: true,
      WebSocketPolyfill: CountingWebSocket as unknown as typeof globalThis.WebSocket,
    };
    this.providers = [
      new WebsocketProvider(url, name, this.doc, options),
      new WebsocketProvider(url, `${name}-chat`, this.chat, options),
    ];
  }

  synced(): boolean {
    return this.providers.every((p) => p.synced);
  }

  track(table: SendTable, meter: Meter): void {
    observeStrokes(this.doc.getArray<Y.Map<unknown>>('strokes'), (stroke, at) =>
      this.check(stroke, at, table, meter),
    );
  }

  close(): void {
    for (const provider of this.providers) provider.destroy();
  }

  private check(stroke: Y.Map<unknown>, at: number, table: SendTable, meter: Meter): void {
    const id = stroke.get('id');
    const points = stroke.get('points');
    if (typeof id !== 'string' || !(points instanceof Y.Array)) return;
    this.tally.holds(
      id,
      Math.floor(points.length / 4),
      stroke.get('done') === true,
      at,
      table,
      meter,
    );
  }
}

function firstByte(data: unknown): number {
  if (data instanceof ArrayBuffer) return new Uint8Array(data)[0] ?? -1;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, 1)[0] ?? -1;
  return -1;
}
