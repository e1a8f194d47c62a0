import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { StrokeWriter } from '@scrawl/drawing-engine';
import {
  CHAT_KEY,
  GAME_STATE_KEY,
  RECONNECT_POLICY,
  canvasDocName,
  chatLineSchema,
  gameDocName,
  gameStateSchema,
  parseJsonMessage,
  whisperSchema,
  type ChatLine,
  type ClientRpc,
  type GameState,
  type JoinRoomResponse,
  type Whisper,
} from '@scrawl/protocol';

export interface HeadlessPlayerOptions {
  /** Also keep each received frame's bytes (`frames[i].bytes`), for byte-exact checks. */
  keepBytes?: boolean;
}

/**
 * A player without a browser: one WebSocket (as the web app has), the game document with
 * presence, whatever canvas the turn uses, RPC out and whispers in. Every frame the server
 * sends it is recorded, so tests can check what reached whom.
 */
export class HeadlessPlayer {
  readonly socket: HocuspocusProviderWebsocket;
  readonly game: HocuspocusProvider;
  readonly whispers: Whisper[] = [];
  /**
   * Every frame the server sent this player's socket, decoded as UTF-8 (lossy for binary);
   * with `keepBytes`, also the bytes as they came off the socket, before any decoding.
   */
  readonly frames: { at: number; text: string; bytes?: Uint8Array }[] = [];
  private canvas: HocuspocusProvider | null = null;
  private canvasRound = -1;

  constructor(
    readonly seat: JoinRoomResponse,
    url: string,
    options: HeadlessPlayerOptions = {},
  ) {
    const frames = this.frames;
    const keepBytes = options.keepBytes ?? false;
    class RecordingWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols);
        // The provider switches the socket to ArrayBuffer frames; accept every form ws delivers
        // (through a typed array: Buffer.from misses an ArrayBuffer of another realm, jest's).
        this.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
          const bytes = Array.isArray(data)
            ? Buffer.concat(data)
            : Buffer.from(new Uint8Array(data));
          const at = Date.now();
          frames.push(
            keepBytes
              ? { at, text: bytes.toString('utf8'), bytes: new Uint8Array(bytes) }
              : { at, text: bytes.toString('utf8') },
          );
        });
      }
    }
    this.socket = new HocuspocusProviderWebsocket({
      url,
      WebSocketPolyfill: RecordingWebSocket,
      ...RECONNECT_POLICY,
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

  /** The public game state, or null before the referee wrote it. */
  get state(): GameState | null {
    const parsed = gameStateSchema.safeParse(this.game.document.getMap(GAME_STATE_KEY).toJSON());
    return parsed.success ? parsed.data : null;
  }

  /** The public chat. */
  get chat(): ChatLine[] {
    return this.game.document
      .getArray<unknown>(CHAT_KEY)
      .toArray()
      .flatMap((line) => {
        const parsed = chatLineSchema.safeParse(line);
        return parsed.success ? [parsed.data] : [];
      });
  }

  /** Sends an RPC message. */
  send(message: ClientRpc): void {
    this.game.sendStateless(JSON.stringify(message));
  }

  /** The latest whisper of a kind. */
  last<K extends Whisper['type']>(type: K): Extract<Whisper, { type: K }> | undefined {
    for (let i = this.whispers.length - 1; i >= 0; i--) {
      const whisper = this.whispers[i];
      if (whisper?.type === type) return whisper as Extract<Whisper, { type: K }>;
    }
    return undefined;
  }

  /** Opens (or keeps) the canvas of the current turn. */
  async openCanvas(canvasRound: number): Promise<HocuspocusProvider> {
    if (this.canvas && this.canvasRound === canvasRound) return this.canvas;
    this.canvas?.destroy();
    this.canvasRound = canvasRound;
    const provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: canvasDocName(this.seat.roomId, canvasRound),
      document: new Y.Doc(),
      token: this.seat.token,
    });
    provider.attach();
    this.canvas = provider;
    await new Promise<void>((resolve) => {
      if (provider.isSynced) resolve();
      else provider.on('synced', () => resolve());
    });
    return provider;
  }

  /** Draws a short stroke on the current canvas (the player must be its drawer). */
  async drawStroke(canvasRound: number, id: string): Promise<void> {
    const provider = await this.openCanvas(canvasRound);
    const writer = new StrokeWriter(
      provider.document,
      { id, author: this.seat.playerId, tool: 'brush', color: '#222222', width: 6 },
      'headless',
    );
    for (let i = 0; i < 10; i++) {
      writer.add({ x: 100 + i * 10, y: 100 + i * 5, pressure: 0.5, t: i * 16 });
      writer.flush();
    }
    writer.finish();
  }

  /** Closes everything (like closing the tab). */
  close(): void {
    this.canvas?.destroy();
    this.game.destroy();
    this.socket.destroy();
  }
}
