import type * as Y from 'yjs';
import { createStrokeUndo } from '@scrawl/drawing-engine';
import { Store } from '../lib/Store';
import { WEB_ORIGIN } from './origins';

/** What the undo and redo buttons may do now. */
export interface UndoState {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

const NOTHING: UndoState = { canUndo: false, canRedo: false };

/**
 * This player's undo and redo on a canvas: the engine's per-author undo manager over the
 * web's own transactions (WEB_ORIGIN), so undo takes back this player's last stroke whole
 * and never touches anyone else's. Exposes what is possible as a {@link Store}.
 */
export class UndoHistory {
  readonly state = new Store<UndoState>(NOTHING);
  private readonly manager: Y.UndoManager;
  private readonly settlers = new Set<() => void>();

  constructor(doc: Y.Doc) {
    this.manager = createStrokeUndo(doc, WEB_ORIGIN);
    this.manager.on('stack-item-added', this.update);
    this.manager.on('stack-item-popped', this.update);
    this.manager.on('stack-cleared', this.update);
  }

  /** Takes back this player's last stroke (finishing one still being drawn first). */
  readonly undo = (): void => {
    this.settle();
    this.manager.undo();
  };

  /** Puts back the stroke undone last. */
  readonly redo = (): void => {
    this.settle();
    this.manager.redo();
  };

  /**
   * Takes back the last step without finishing anything first: a stroke the palm drew
   * just before the pen came down. Nothing to redo is left once the next stroke begins.
   */
  discardLast(): void {
    this.manager.undo();
  }

  /**
   * Registers work to run before every undo or redo, such as ending a stroke in progress so
   * that it becomes its own undo step. Returns the function that unregisters it.
   */
  beforeChange(settle: () => void): () => void {
    this.settlers.add(settle);
    return () => {
      this.settlers.delete(settle);
    };
  }

  /** Stops tracking; the document's history is left as it is. */
  dispose(): void {
    this.manager.destroy();
  }

  private settle(): void {
    for (const settle of this.settlers) settle();
  }

  private readonly update = (): void => {
    const canUndo = this.manager.canUndo();
    const canRedo = this.manager.canRedo();
    const now = this.state.get();
    if (now.canUndo !== canUndo || now.canRedo !== canRedo) this.state.set({ canUndo, canRedo });
  };
}
