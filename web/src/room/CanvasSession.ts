import type { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { PresencePlayer } from '@scrawl/protocol';
import type { BoardPoint } from '@scrawl/drawing-engine';
import { StrokeCache } from '../board/StrokeCache';
import { UndoHistory } from '../board/UndoHistory';
import { Store, follow } from '../lib/Store';
import { CursorSender } from './CursorSender';
import { readCursors, watchAwareness, type RemoteCursor } from './presence';

/** Whether this player may draw on a canvas: unknown until the server has answered. */
export type CanvasAccess = 'loading' | 'write' | 'read';

/** Opens a provider for a document on the room's shared socket (see RoomSession). */
export type ProviderFactory = (
  name: string,
  document: Y.Doc,
  onAuthenticated: (scope: string) => void,
) => HocuspocusProvider;

/**
 * One canvas document of a room, open on the room's shared socket: the lobby board
 * (canvas round 0) or the canvas of one turn. The server fixes write access when the
 * document is opened (the turn's drawers write, everyone else reads), so each turn gets a
 * fresh CanvasSession and the last one is destroyed.
 */
export class CanvasSession {
  readonly doc = new Y.Doc();
  readonly access = new Store<CanvasAccess>('loading');
  readonly cursors = new Store<readonly RemoteCursor[]>([]);
  readonly strokes: StrokeCache;
  /** Undo and redo of this player's own strokes on this canvas. */
  readonly history: UndoHistory;
  private readonly provider: HocuspocusProvider;
  private readonly cursor: CursorSender;
  private readonly stops: Array<() => void> = [];

  constructor(
    /** The canvas round: 0 is the lobby board. */
    readonly round: number,
    name: string,
    self: PresencePlayer,
    open: ProviderFactory,
  ) {
    this.provider = open(name, this.doc, (scope) => {
      this.access.set(scope === 'read-write' ? 'write' : 'read');
    });
    const awareness = this.provider.awareness;
    if (!awareness) throw new Error('providers are built with awareness');
    // Set before attaching, so the first frames already carry the identity the server checks.
    awareness.setLocalState({ player: self, cursor: null });
    this.cursor = new CursorSender((at) => {
      awareness.setLocalStateField('cursor', at);
    });
    this.strokes = new StrokeCache(this.doc);
    this.history = new UndoHistory(this.doc);
    this.stops.push(
      follow(
        this.cursors,
        () => readCursors(awareness, self.id),
        (on) => watchAwareness(awareness, on),
      ),
    );
  }

  /** Starts syncing over the shared socket. */
  attach(): void {
    this.provider.attach();
  }

  /**
   * Shares where this player's pointer is over the board (null: not over it). Only a
   * player who may draw here shares a cursor: watchers' pointers would only distract.
   */
  readonly setCursor = (at: BoardPoint | null): void => {
    if (this.access.get() === 'write') this.cursor.set(at);
  };

  /** Leaves the document (the shared socket stays open) and releases everything. */
  destroy(): void {
    for (const stop of this.stops.splice(0)) stop();
    this.cursor.dispose();
    this.strokes.dispose();
    this.history.dispose();
    this.provider.destroy();
    this.doc.destroy();
  }
}
