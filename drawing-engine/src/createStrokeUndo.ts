import * as Y from 'yjs';
import { getStrokes } from './canvasDoc.js';

/**
 * No time limit on grouping: a stroke can take as long as it takes and still be one undo
 * step. Groups are cut by content instead, when a new stroke starts (see below), so undo
 * never depends on the clock.
 */
const NEVER = Number.POSITIVE_INFINITY;

/**
 * Creates the undo manager of one player on a canvas document: it tracks only transactions
 * whose origin is `origin` (the local writer's, e.g. the web's WEB_ORIGIN), so undo and redo
 * touch this player's own strokes and never another player's.
 *
 * One stroke is one undo step: its begin, every chunk appended while drawing and its
 * finish (fold and `done`) are grouped, and a new group starts exactly when a tracked
 * transaction adds to or removes from the stroke list (a new stroke, or clearing the board).
 * Undo removes the last stroke whole; redo brings it back with every point.
 *
 * Call `destroy()` on the returned manager when the document is closed.
 * @example
 * const undo = createStrokeUndo(doc, WEB_ORIGIN);
 * undo.undo(); // the player's last stroke disappears, for everyone
 * undo.redo(); // and comes back
 */
export function createStrokeUndo(doc: Y.Doc, origin: object): Y.UndoManager {
  const strokes = getStrokes(doc);
  const manager: Y.UndoManager = new Y.UndoManager(strokes, {
    trackedOrigins: new Set([origin]),
    captureTimeout: NEVER,
    // Called for every transaction before the manager decides whether to merge it into
    // the last step: a change to the stroke list itself opens a new step.
    captureTransaction: (transaction) => {
      if (transaction.origin === origin && transaction.changed.has(strokes)) {
        manager.stopCapturing();
      }
      return true;
    },
  });
  return manager;
}
