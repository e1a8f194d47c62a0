import * as Y from 'yjs';
import { now } from '../clock.js';

/**
 * Calls `onStroke` with every stroke map of `strokes` that a transaction added or changed
 * (a stroke itself, or one of its nested arrays), with the monotonic time it arrived.
 * The y-websocket baseline's shape: an array of stroke maps (Scrawl's watchers look only at
 * the structs each transaction integrated: `ScrawlClient.track`).
 */
export function observeStrokes<T>(
  strokes: Y.Array<T>,
  onStroke: (stroke: Y.Map<unknown>, at: number) => void,
): void {
  strokes.observeDeep((events) => {
    const at = now();
    for (const event of events) {
      const target: unknown = event.target;
      if (target === strokes) {
        for (const item of event.changes.added) {
          for (const value of item.content.getContent()) {
            if (value instanceof Y.Map) onStroke(value as Y.Map<unknown>, at);
          }
        }
      } else if (target instanceof Y.Map) {
        onStroke(target as Y.Map<unknown>, at);
      } else if (target instanceof Y.AbstractType) {
        const parent: unknown = target.parent;
        if (parent instanceof Y.Map) onStroke(parent as Y.Map<unknown>, at);
      }
    }
  });
}
