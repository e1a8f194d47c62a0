import { formatValue, plural } from '../output/format.js';
import type { ChangeEvent } from './changes.js';

/** Values longer than this are summarised as "changed". */
const VALUE_WIDTH = 40;

/** One event in words; `names` turns player ids into names. */
export function describeChange(event: ChangeEvent, names: ReadonlyMap<string, string>): string {
  const who = (id: string) => names.get(id) ?? id;
  switch (event.kind) {
    case 'started':
    case 'drawn':
      return `stroke ${event.id} ${event.kind} by ${who(event.author)}: ${event.tool} ${event.color} width ${event.width}, ${plural(event.points, 'point')}`;
    case 'restored':
      return `stroke ${event.id} restored (redo), ${plural(event.points, 'point')}`;
    case 'appended':
      return `+${plural(event.added, 'point')} to ${event.id} (now ${event.points})`;
    case 'finished':
      return `stroke ${event.id} finished, chunks folded (${plural(event.points, 'point')})`;
    case 'deleted':
      return `stroke ${event.id} of ${who(event.author)} deleted`;
    case 'cleared':
      return `board cleared (${plural(event.strokes, 'stroke')})`;
    case 'state': {
      const from = formatValue(event.from ?? null, VALUE_WIDTH + 1);
      const to = formatValue(event.to ?? null, VALUE_WIDTH + 1);
      if (from.length > VALUE_WIDTH || to.length > VALUE_WIDTH) return `${event.key} changed`;
      return `${event.key}: ${from} → ${to}`;
    }
    case 'chat':
      return `${event.line.kind}: ${event.line.name ? `${event.line.name}: ` : ''}${event.line.text}`;
    case 'unchanged':
      return 'no visible change';
  }
}

/** Every event of one update in words, joined. */
export function describeChanges(
  events: readonly ChangeEvent[],
  names: ReadonlyMap<string, string>,
): string {
  return events.map((event) => describeChange(event, names)).join('; ');
}
