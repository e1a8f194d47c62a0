import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { waitFor } from '../clock.js';
import { instanceOf } from './BenchRoom.js';
import { LoadRoom } from './LoadRoom.js';
import type { Meter } from './Meter.js';
import { StrokeWriterSink, countingWebSocket, isFrameOf } from './scrawlRoom.js';
import { StrokeTally } from './strokeTally.js';

/**
 * A room on Hocuspocus alone: Scrawl's canvas (strokes written by StrokeWriter, one chunk per
 * flush) and a chat document on one socket per client, as Scrawl's clients multiplex theirs;
 * chat lines go into a Y.Array, as on y-websocket.
 */
export class HocuspocusRoom extends LoadRoom {
  private readonly clients: HocuspocusClient[] = [];

  async setup(): Promise<void> {
    for (let i = 0; i < this.plan.clients; i++) {
      this.clients.push(
        new HocuspocusClient(
          this.plan.ws[instanceOf(this.plan, i)]!,
          this.name,
          i === 0,
          this.meter,
        ),
      );
    }
    await waitFor(
      'synced documents',
      () => (this.clients.every((c) => c.synced()) ? true : null),
      30_000,
    );
    const [drawer, ...watchers] = this.clients;
    for (const watcher of watchers) watcher.tally.track(watcher.canvas, this.table, this.meter);
    this.prepareDrawer(new StrokeWriterSink(drawer!.canvas, 'bench-drawer'));
    this.prepareChats(
      watchers.map(
        (client) => (kind, text) => client.chat.getArray<string>('chat').push([`${kind}:${text}`]),
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

class HocuspocusClient {
  readonly canvas = new Y.Doc();
  readonly chat = new Y.Doc();
  readonly tally = new StrokeTally();
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly providers: HocuspocusProvider[];

  constructor(url: string, name: string, drawer: boolean, meter: Meter) {
    const canvasName = new TextEncoder().encode(name);
    const Socket = countingWebSocket(
      (bytes, frame) => {
        if (!drawer) meter.watcherFrame(bytes, isFrameOf(frame, canvasName));
      },
      (bytes, frame) => {
        if (drawer) meter.drawerFrame(bytes, isFrameOf(frame, canvasName));
      },
    );
    this.socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: Socket });
    this.providers = [
      new HocuspocusProvider({ websocketProvider: this.socket, name, document: this.canvas }),
      new HocuspocusProvider({
        websocketProvider: this.socket,
        name: `${name}-chat`,
        document: this.chat,
      }),
    ];
    for (const provider of this.providers) provider.attach();
  }

  synced(): boolean {
    return this.providers.every((p) => p.isSynced);
  }

  close(): void {
    for (const provider of this.providers) provider.destroy();
    this.socket.destroy();
  }
}
