import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { StrokeWriter, getStrokes, readStroke } from '@scrawl/drawing-engine';
import {
  RECONNECT_POLICY,
  canvasDocName,
  gameDocName,
  type JoinRoomResponse,
} from '@scrawl/protocol';
import type { Random } from '../random.js';

/** Milliseconds between a drawing client's frames (each flushes one chunk). */
const FRAME_MS: readonly [number, number] = [60, 120];
/** Frames per stroke. */
const STROKE_FRAMES: readonly [number, number] = [3, 14];
/** Pause between strokes. */
const PAUSE_MS: readonly [number, number] = [100, 600];

/** A stroke as its author drew it: the canonical JSON of its decoded view. */
export type StrokeRecord = string;

/**
 * A player drawing on a canvas through its own WebSocket, as the web app does: a stroke is
 * begun, grown one chunk per frame and finished, with pauses between strokes, and every
 * finished stroke is recorded as drawn (what every peer and the store must end up holding).
 * It moves its cursor as it draws; with `presence`, it also joins the game document.
 */
export class DrawingClient {
  readonly socket: HocuspocusProviderWebsocket;
  readonly canvas: HocuspocusProvider;
  readonly game: HocuspocusProvider | null;
  /** Finished strokes by id. */
  readonly drawn = new Map<string, StrokeRecord>();
  updates = 0;
  points = 0;
  private writer: StrokeWriter | null = null;
  private framesLeft = 0;
  private timer: NodeJS.Timeout | null = null;
  private drawing = false;
  private closed = false;
  private t = 0;

  constructor(
    readonly seat: JoinRoomResponse,
    url: string,
    private readonly random: Random,
    options: { round?: number; presence?: boolean } = {},
  ) {
    this.socket = new HocuspocusProviderWebsocket({
      url,
      WebSocketPolyfill: WebSocket,
      ...RECONNECT_POLICY,
    });
    const roomId = seat.roomId;
    const player = { id: seat.playerId, name: seat.name, color: seat.color, role: seat.role };
    this.canvas = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: canvasDocName(roomId, options.round ?? 0),
      document: new Y.Doc(),
      token: seat.token,
    });
    // As the web app: presence with a cursor on the canvas, presence alone on the game.
    this.canvas.awareness?.setLocalState({ player, cursor: null });
    this.canvas.attach();
    this.game = null;
    if (options.presence) {
      this.game = new HocuspocusProvider({
        websocketProvider: this.socket,
        name: gameDocName(roomId),
        document: new Y.Doc(),
        token: seat.token,
      });
      this.game.attach();
      this.game.awareness?.setLocalState({ player });
    }
  }

  get doc(): Y.Doc {
    return this.canvas.document;
  }

  /** Resolves once the canvas has synced for the first time. */
  synced(): Promise<void> {
    return new Promise((resolve) => {
      if (this.canvas.isSynced) return resolve();
      const onSynced = () => {
        this.canvas.off('synced', onSynced);
        resolve();
      };
      this.canvas.on('synced', onSynced);
    });
  }

  /** Starts drawing, stroke after stroke, until `stopDrawing()`. */
  startDrawing(): void {
    if (this.drawing || this.closed) return;
    this.drawing = true;
    this.schedule(this.random.int(0, FRAME_MS[1]));
  }

  /** Finishes the stroke in progress and stops drawing. */
  stopDrawing(): void {
    this.drawing = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.finishStroke();
  }

  /** Draws one whole stroke at once (for tests that need a stroke at a known moment). */
  drawStroke(): string {
    this.beginStroke();
    while (this.framesLeft > 0) this.frame();
    return [...this.drawn.keys()].at(-1) ?? '';
  }

  /** Closes everything, like closing the tab. */
  close(): void {
    this.stopDrawing();
    this.closed = true;
    this.game?.destroy();
    this.canvas.destroy();
    // Closing a socket still connecting makes ws emit 'error' after the provider has removed
    // its listeners, which would crash the process: a tab closed mid-connect is no error.
    const socket = this.socket.webSocket as unknown as WebSocket | null;
    socket?.on('error', () => {});
    this.socket.destroy();
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      if (!this.drawing) return;
      if (!this.writer) this.beginStroke();
      this.frame();
      this.schedule(
        this.writer
          ? this.random.int(FRAME_MS[0], FRAME_MS[1])
          : this.random.int(PAUSE_MS[0], PAUSE_MS[1]),
      );
    }, ms);
  }

  private beginStroke(): void {
    this.writer = new StrokeWriter(
      this.doc,
      {
        id: `${this.seat.name}-${this.drawn.size + 1}`,
        author: this.seat.playerId,
        tool: 'brush',
        color: this.seat.color,
        width: this.random.int(2, 30),
      },
      'chaos',
    );
    this.framesLeft = this.random.int(STROKE_FRAMES[0], STROKE_FRAMES[1]);
  }

  private frame(): void {
    const writer = this.writer;
    if (!writer) return;
    let x = 0;
    let y = 0;
    for (let i = this.random.int(2, 4); i > 0; i--) {
      this.t += 16;
      x = this.random.int(0, 1599);
      y = this.random.int(0, 999);
      writer.add({ x, y, pressure: this.random.next(), t: this.t });
      this.points++;
    }
    writer.flush();
    this.updates++;
    this.canvas.awareness?.setLocalStateField('cursor', { x, y });
    if (--this.framesLeft <= 0) this.finishStroke();
  }

  private finishStroke(): void {
    const writer = this.writer;
    if (!writer) return;
    this.writer = null;
    writer.finish();
    this.updates++;
    this.drawn.set(writer.id, recordOf(this.doc, writer.id));
  }
}

/** The record of one stroke of a document, or '' when it is not there. */
export function recordOf(doc: Y.Doc, id: string): StrokeRecord {
  const strokes = getStrokes(doc);
  for (let i = strokes.length - 1; i >= 0; i--) {
    const view = readStroke(strokes.get(i));
    if (view?.id === id) return JSON.stringify(view);
  }
  return '';
}
