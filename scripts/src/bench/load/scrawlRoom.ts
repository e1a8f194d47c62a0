import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { StrokeWriter, type InputPoint } from '@scrawl/drawing-engine';
import {
  AliasDecoder,
  DOCUMENT_ALIASES_PROTOCOL,
  GAME_STATE_KEY,
  canvasDocName,
  createRoomResponseSchema,
  frameBytes,
  gameDocName,
  gameStateSchema,
  joinRoomResponseSchema,
  parseJsonMessage,
  whisperSchema,
  withDocumentAliases,
  type ClientRpc,
  type GameState,
  type JoinRoomResponse,
  type RoomId,
  type Whisper,
} from '@scrawl/protocol';
import { waitFor } from '../clock.js';
import { instanceOf } from './BenchRoom.js';
import { LoadRoom } from './LoadRoom.js';
import { StrokeTally } from './strokeTally.js';
import type { StrokeSink } from './DrawerLoop.js';
import { messageBytes, type Meter } from './Meter.js';
import type { SendTable } from './SendTable.js';

/** How long setting up one room may take (seating, the referee starting the turn), ms. */
const SETUP_TIMEOUT_MS = 60_000;
/** Turn settings: a long turn (the run ends well before it), every client seated as a player. */
const TURN_SETTINGS = { drawTimeSeconds: 240, maxPlayers: 16, rounds: 1, wordChoices: 1 } as const;

/** A Scrawl room: players seated through the HTTP API, a real turn started by the referee. */
export class ScrawlRoom extends LoadRoom {
  private clients: ScrawlClient[] = [];
  private drawer: ScrawlClient | null = null;
  private roomId: RoomId | null = null;
  private canvasRound = 0;

  async setup(): Promise<void> {
    const http = this.plan.http[0]!;
    const created = createRoomResponseSchema.parse(
      await postJson(`${http}/api/rooms`, { public: false }),
    );
    this.roomId = created.roomId;
    for (let i = 0; i < this.plan.clients; i++) {
      const seat = joinRoomResponseSchema.parse(
        await postJson(`${http}/api/rooms/${created.code}/join`, { name: `bench${i}` }),
      );
      this.clients.push(
        new ScrawlClient(seat, this.plan.ws[instanceOf(this.plan, i)]!, this.meter),
      );
    }
    const first = this.clients[0]!;
    // The referee makes the first player it sees the host: with clients on two instances
    // that need not be the first to join.
    const present = await waitFor(
      () =>
        `every player present (room ${this.plan.index}: ${JSON.stringify(first.state()?.scoreboard.map((e) => e.connected))})`,
      () => {
        const state = first.state();
        return state?.hostId &&
          state.scoreboard.filter((entry) => entry.connected).length === this.plan.clients
          ? state
          : null;
      },
      SETUP_TIMEOUT_MS,
    );
    const host = this.clients.find((c) => c.id === present.hostId);
    if (!host) throw new Error('the referee named a host who is not in the room');
    host.send({ type: 'settings/update', patch: TURN_SETTINGS });
    await waitFor(
      'settings',
      () =>
        host.state()?.settings.drawTimeSeconds === TURN_SETTINGS.drawTimeSeconds ? true : null,
      SETUP_TIMEOUT_MS,
    );
    host.send({ type: 'game/start' });
    const choosing = await waitFor(
      () =>
        `a drawer (room ${this.plan.index} ${this.roomId}: phase ${JSON.stringify(host.state()?.phase)}, host ${
          host.state()?.hostId === host.id ? 'unchanged' : 'changed'
        }, notices to the host: ${JSON.stringify(host.notices())})`,
      () => {
        const state = host.state();
        return state?.phase === 'choosing' && state.drawerIds.length > 0 ? state : null;
      },
      SETUP_TIMEOUT_MS,
    );
    const drawer = this.clients.find((c) => choosing.drawerIds.includes(c.id));
    if (!drawer) throw new Error('the referee named a drawer who is not in the room');
    // With one word to choose from, the referee may pick it at once; otherwise choose it.
    let chosen = false;
    const drawing = await waitFor(
      () => `the turn (room ${this.plan.index}: ${JSON.stringify(host.state()?.phase)})`,
      () => {
        const state = host.state();
        if (state?.phase === 'drawing') return state;
        if (!chosen && drawer.whisper('word/choices')) {
          drawer.send({ type: 'word/choose', index: 0 });
          chosen = true;
        }
        return null;
      },
      SETUP_TIMEOUT_MS,
    );
    this.canvasRound = drawing.canvasRound;
    this.drawer = drawer;
    drawer.drawing = true;
    await Promise.all(this.clients.map((c) => c.openCanvas(this.canvasRound)));
    for (const client of this.clients) {
      if (client !== drawer) client.track(this.table, this.meter);
    }
    this.prepareDrawer(new StrokeWriterSink(drawer.canvasDoc, drawer.id));
    this.prepareChats(
      this.watchers().map(
        (client) => (kind, text) =>
          client.send({ type: kind === 'guess' ? 'guess/send' : 'chat/send', text }),
      ),
    );
  }

  protected override get name(): string {
    return this.roomId ?? '';
  }

  protected override storedDocs(): readonly string[] {
    return this.roomId ? [canvasDocName(this.roomId, this.canvasRound)] : [];
  }

  protected tallies(): readonly StrokeTally[] {
    return this.watchers().map((client) => client.tally);
  }

  protected disconnect(): void {
    for (const client of this.clients) client.close();
  }

  private watchers(): ScrawlClient[] {
    return this.clients.filter((c) => c !== this.drawer);
  }
}

/** Writes strokes as the web client does: a StrokeWriter, one chunk per flush, folded at the end. */
export class StrokeWriterSink implements StrokeSink {
  private writer: StrokeWriter | null = null;

  constructor(
    private readonly canvas: Y.Doc,
    private readonly author: string,
  ) {}

  flush(strokeId: string, points: readonly InputPoint[]): void {
    const writer = this.writerFor(strokeId);
    writer.add(...points);
    writer.flush();
  }

  finish(strokeId: string, points: readonly InputPoint[]): void {
    const writer = this.writerFor(strokeId);
    writer.add(...points);
    writer.flush();
    writer.finish();
    this.writer = null;
  }

  private writerFor(id: string): StrokeWriter {
    if (this.writer?.id !== id) {
      this.writer = new StrokeWriter(
        this.canvas,
        { id, author: this.author, tool: 'brush', color: '#1f2328', width: 8 },
        'bench',
      );
    }
    return this.writer;
  }
}

/** One player: one socket carrying the game document (with presence and RPC) and the canvas. */
class ScrawlClient {
  readonly socket: HocuspocusProviderWebsocket;
  readonly game: HocuspocusProvider;
  readonly canvasDoc = new Y.Doc();
  /** What this client received, when it watches. */
  readonly tally = new StrokeTally();
  drawing = false;
  private canvas: HocuspocusProvider | null = null;
  private canvasNameBytes: Uint8Array | null = null;
  private readonly whispers: Whisper[] = [];

  constructor(
    private readonly seat: JoinRoomResponse,
    url: string,
    meter: Meter,
  ) {
    // As the web client: document aliases over a socket that counts what goes on the wire.
    const CountingWebSocket = countingWebSocket(
      (bytes, frame) => {
        if (!this.drawing) meter.watcherFrame(bytes, this.isCanvasFrame(frame));
      },
      (bytes, frame) => {
        if (this.drawing) meter.drawerFrame(bytes, this.isCanvasFrame(frame));
      },
    );
    this.socket = new HocuspocusProviderWebsocket({
      url,
      WebSocketPolyfill: withDocumentAliases(CountingWebSocket),
    });
    this.game = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: gameDocName(seat.roomId),
      document: new Y.Doc(),
      token: seat.token,
      onStateless: ({ payload }) => {
        const parsed = parseJsonMessage(whisperSchema, payload);
        if (parsed.ok) this.whispers.push(parsed.value);
      },
    });
    this.game.attach();
    this.game.awareness?.setLocalState({
      player: { id: seat.playerId, name: seat.name, color: seat.color, role: seat.role },
    });
  }

  get id(): string {
    return this.seat.playerId;
  }

  state(): GameState | null {
    const parsed = gameStateSchema.safeParse(this.game.document.getMap(GAME_STATE_KEY).toJSON());
    return parsed.success ? parsed.data : null;
  }

  /** What the referee told this player in notices (refusals say why), oldest first. */
  notices(): string[] {
    return this.whispers.flatMap((w) => (w.type === 'notice' ? [w.text] : []));
  }

  whisper<K extends Whisper['type']>(type: K): Whisper | undefined {
    return this.whispers.find((w) => w.type === type);
  }

  send(message: ClientRpc): void {
    this.game.sendStateless(JSON.stringify(message));
  }

  async openCanvas(round: number): Promise<void> {
    const name = canvasDocName(this.seat.roomId, round);
    this.canvasNameBytes = new TextEncoder().encode(name);
    const provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name,
      document: this.canvasDoc,
      token: this.seat.token,
    });
    provider.attach();
    this.canvas = provider;
    await waitFor('the canvas', () => (provider.isSynced ? true : null), SETUP_TIMEOUT_MS);
  }

  /** Watches the canvas: every arriving point's latency goes into the meter's histogram. */
  track(table: SendTable, meter: Meter): void {
    this.tally.track(this.canvasDoc, table, meter);
  }

  /** Whether a frame's document (its name as a varstring) is the canvas. */
  isCanvasFrame(name: Uint8Array | null): boolean {
    return isFrameOf(name, this.canvasNameBytes);
  }

  close(): void {
    this.canvas?.destroy();
    this.game.destroy();
    this.socket.destroy();
  }
}

/** Whether a frame's document name (a varstring) is `document` (its UTF-8 bytes). */
export function isFrameOf(name: Uint8Array | null, document: Uint8Array | null): boolean {
  // A varstring: a one-byte length (names are under 128 bytes), then UTF-8.
  if (!name || !document || name.length !== document.length + 1 || name[0] !== document.length) {
    return false;
  }
  for (let i = 0; i < document.length; i++) if (name[i + 1] !== document[i]) return false;
  return true;
}

/**
 * A `ws` WebSocket that reports each frame's size on the wire and the name of the document it
 * is about, read through aliases by its own copies of the aliasing layer's tables (which see
 * the same frames in the same order).
 */
export function countingWebSocket(
  onReceive: (bytes: number, document: Uint8Array | null) => void,
  onSend: (bytes: number, document: Uint8Array | null) => void,
): new (address: string, protocols?: string | string[]) => WebSocket {
  return class CountingWebSocket extends WebSocket {
    private readonly received = new AliasDecoder();
    private readonly sent = new AliasDecoder();

    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols);
      this.on('message', (data: unknown) => {
        onReceive(messageBytes(data), this.documentOf(this.received, data));
      });
    }

    override send(data: Parameters<WebSocket['send']>[0], ...rest: unknown[]): void {
      onSend(messageBytes(data), this.documentOf(this.sent, data));
      (super.send as (...args: unknown[]) => void)(data, ...rest);
    }

    private documentOf(names: AliasDecoder, data: unknown): Uint8Array | null {
      const bytes = frameBytes(data);
      if (!bytes) return null;
      if (this.protocol === DOCUMENT_ALIASES_PROTOCOL) return names.nameOf(bytes);
      const end = 1 + (bytes[0] ?? 0);
      return end < bytes.length ? bytes.subarray(0, end) : null;
    }
  };
}

async function postJson(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}
