import { printJson, stringOption, type Command } from '../command.js';
import { UsageError } from '../errors.js';
import { formatClock, formatOffset, plural } from '../output/format.js';
import { formatTable } from '../output/table.js';
import type { ChangeEvent } from '../model/changes.js';
import { describeChanges } from '../model/describeChange.js';
import type { Snapshot } from '../model/snapshot.js';
import { Timeline, updateClients } from '../model/Timeline.js';
import { subjectEntries } from '../subject/entries.js';
import { loadSubject } from '../subject/loadSubject.js';
import { REF_FORMS, resolveRef } from '../subject/resolveRef.js';

/** One row of the timeline. */
export interface HistoryRow {
  where: string;
  at: number | null;
  /** Milliseconds since the turn began (replays) or since the first timed entry. */
  offset: number | null;
  /** Yjs client ids that wrote new content (none for a pure delete). */
  clients: number[];
  bytes: number;
  folded: boolean;
  events: ChangeEvent[];
  /** The events in words (or why the entry could not be read). */
  what: string;
  error?: string;
}

export const historyCommand: Command = {
  name: 'history',
  summary: 'the timeline of updates: time, client, size and what each did',
  usage: 'scrawl history DOC|ROUND [--limit N] [--json]',
  details:
    `DOC|ROUND is ${REF_FORMS}.\n` +
    'One line per stored update, oldest first: server time, offset, the Yjs client that\n' +
    'wrote it, its size, and what it did — stroke started, points appended, stroke finished\n' +
    '(chunks folded), stroke deleted or restored, board cleared, game state and chat changes.\n' +
    "A document whose log was folded shows its folded state first; a finished turn's full\n" +
    'history is its replay (CODE/<n>).',
  options: { limit: { type: 'string', value: 'N', description: 'show only the last N updates' } },
  positionals: { min: 1, max: 1 },
  async run(context) {
    const limitText = stringOption(context, 'limit');
    const limit = limitText === undefined ? null : Number(limitText);
    if (limit !== null && (!Number.isSafeInteger(limit) || limit < 1)) {
      throw new UsageError('--limit must be a whole number of at least 1.');
    }
    const target = await context.target();
    const subject = await loadSubject(target, await resolveRef(target, context.args[0] ?? ''));
    const entries = subjectEntries(subject);
    const timeline = new Timeline(subject.kind);
    const origin =
      subject.replay?.startedAt ?? entries.find((e) => e.at !== null && !e.folded)?.at ?? null;
    const clientNames = new Map<number, string>();
    const rows: HistoryRow[] = entries.map((entry) => {
      const base = {
        where: entry.where,
        at: entry.at,
        offset: entry.at !== null && origin !== null ? entry.at - origin : null,
        bytes: entry.update.length,
        folded: entry.folded,
      };
      try {
        const clients = updateClients(entry.update);
        const events = timeline.apply(entry.update);
        for (const event of events) {
          const author = 'author' in event ? subject.names.get(event.author) : undefined;
          if (
            (event.kind === 'started' || event.kind === 'drawn') &&
            author &&
            clients.length === 1
          )
            clientNames.set(clients[0] ?? 0, author);
        }
        const what = entry.folded
          ? foldedSummary(timeline.current)
          : describeChanges(events, subject.names);
        return { ...base, clients, events, what };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return {
          ...base,
          clients: [],
          events: [],
          what: `unreadable update (${reason})`,
          error: reason,
        };
      }
    });
    const shown = limit === null ? rows : rows.slice(-limit);
    if (context.json) {
      printJson(context.io, { subject: subject.label, origin, updates: shown });
      return 0;
    }
    context.io.out(`${subject.label}: ${plural(rows.length, 'stored update')}`);
    context.io.out(
      formatTable(
        shown,
        [
          { heading: 'TIME', value: (r) => (r.at === null ? '—' : formatClock(r.at)) },
          {
            heading: 'OFFSET',
            value: (r) => (r.offset === null ? '' : formatOffset(r.offset)),
            align: 'right',
          },
          {
            heading: 'CLIENT',
            value: (r) =>
              r.clients
                .map((c) => (clientNames.has(c) ? `${c} (${clientNames.get(c)})` : String(c)))
                .join(',') || '—',
          },
          { heading: 'BYTES', value: (r) => String(r.bytes), align: 'right' },
          { heading: 'WHAT', value: (r) => r.what },
        ],
        'Nothing stored.',
      ),
    );
    return 0;
  },
};

function foldedSummary(snapshot: Snapshot): string {
  if (snapshot.kind === 'canvas') {
    const points = [...snapshot.strokes.values()].reduce((sum, s) => sum + s.points, 0);
    return `folded state: ${plural(snapshot.strokes.size, 'stroke')}, ${plural(points, 'point')}`;
  }
  const phase = typeof snapshot.state.phase === 'string' ? snapshot.state.phase : '?';
  return `folded state: phase ${phase}, ${plural(snapshot.chat.length, 'chat line')}`;
}
