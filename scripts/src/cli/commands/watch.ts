import { UnreachableError, UsageError } from '../errors.js';
import type { CliIo, Command } from '../command.js';
import {
  connectLive,
  presenceEntry,
  type LiveDocument,
  type PresenceEntry,
} from '../live/connectLive.js';
import { describeChanges } from '../model/describeChange.js';
import { Timeline, updateClients } from '../model/Timeline.js';
import { formatClock, plural } from '../output/format.js';
import { roomCodeOf, resolveRef } from '../subject/resolveRef.js';

export const watchCommand: Command = {
  name: 'watch',
  summary: 'follows a document live: updates and presence changes, until Ctrl-C',
  usage: 'scrawl watch DOC [--cursors] [--json]',
  details:
    'DOC is a document name (room/<id>/game, room/<id>/canvas/<n>), CODE/game or\n' +
    "CODE/canvas/<n>. Connects to the collab-server (COLLAB_URL, else npm start's) with the\n" +
    "referee's service credential (REFEREE_SECRET, else npm start's) as a read-only observer\n" +
    'that shows no presence of its own, and prints every update (what it did) and every\n' +
    'presence change as it happens. Cursor moves only with --cursors. --json prints one JSON\n' +
    'object per line.',
  options: { cursors: { type: 'boolean', description: 'also print cursor moves' } },
  positionals: { min: 1, max: 1 },
  async run(context) {
    const target = await context.target();
    const ref = await resolveRef(target, context.args[0] ?? '');
    if (ref.kind !== 'document')
      throw new UsageError('scrawl watch follows a live document (DOC), not a finished turn.');
    if ('missing' in target.live)
      throw new UnreachableError(`scrawl watch needs the live server: ${target.live.missing}.`);
    const code = await roomCodeOf(target, ref.doc.roomId);
    const names = new Map(
      (
        await target.db
          .selectFrom('players')
          .select(['id', 'name'])
          .where('room_id', '=', ref.doc.roomId)
          .execute()
      ).map((row) => [row.id, row.name]),
    );
    const live = await connectLive(target.live, ref.name);
    const print = printer(context.io, context.json);
    const timeline = new Timeline(ref.doc.kind, live.doc);
    const present = watchPresence(live, print, context.options.cursors === true);
    const current = timeline.current;
    print(
      {
        type: 'synced',
        document: ref.name,
        room: code,
        strokes: current.kind === 'canvas' ? current.strokes.size : null,
        present,
      },
      `Watching ${ref.name}${code ? ` (${code})` : ''} on ${target.live.url}: ` +
        `${current.kind === 'canvas' ? `${plural(current.strokes.size, 'stroke')}, ` : ''}${present} present. Ctrl-C to stop.`,
    );
    live.doc.on('update', (update: Uint8Array) => {
      const events = timeline.observe();
      const clients = updateClients(update);
      print(
        { type: 'update', bytes: update.length, clients, events },
        `update  ${update.length} B  client ${clients.join(',') || '—'}  ${describeChanges(events, names)}`,
      );
    });
    live.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'disconnected')
        print({ type: 'connection', status }, 'connection lost; reconnecting…');
    });
    await context.io.interrupted;
    live.close();
    print({ type: 'stopped' }, 'Stopped watching.');
    return 0;
  },
};

type Print = (json: Record<string, unknown>, text: string) => void;

/** Prints a line per event: a time-stamped sentence, or a JSON object with `at`. */
function printer(io: CliIo, json: boolean): Print {
  return (value, text) => {
    const at = Date.now();
    io.out(json ? JSON.stringify({ at, ...value }) : `${formatClock(at)}  ${text}`);
  };
}

/** Prints presence changes from now on; returns how many are present at the start. */
function watchPresence(live: LiveDocument, print: Print, cursors: boolean): number {
  const awareness = live.provider.awareness;
  if (!awareness) return 0;
  const known = new Map<number, PresenceEntry>();
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId !== awareness.clientID && Object.keys(state).length > 0)
      known.set(clientId, presenceEntry(clientId, state));
  }
  const label = (entry: PresenceEntry) =>
    'player' in entry
      ? `${entry.player.name} (${entry.player.role})`
      : `client ${entry.clientId} (not valid presence)`;
  awareness.on(
    'change',
    ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      for (const clientId of [...added, ...updated]) {
        if (clientId === awareness.clientID) continue;
        const state = awareness.getStates().get(clientId);
        if (!state || Object.keys(state).length === 0) continue;
        const entry = presenceEntry(clientId, state);
        const before = known.get(clientId);
        known.set(clientId, entry);
        if (!before) {
          print({ type: 'presence', change: 'joined', entry }, `presence  ${label(entry)} joined`);
          continue;
        }
        const now = splitCursor(entry);
        const then = splitCursor(before);
        if (now.identity !== then.identity) {
          print(
            { type: 'presence', change: 'updated', entry },
            `presence  ${label(entry)} changed`,
          );
        } else if (cursors && now.cursor !== then.cursor) {
          print(
            { type: 'presence', change: 'cursor', entry },
            `presence  ${label(entry)} cursor ${now.where}`,
          );
        }
      }
      for (const clientId of removed) {
        const before = known.get(clientId);
        known.delete(clientId);
        if (before)
          print(
            { type: 'presence', change: 'left', entry: before },
            `presence  ${label(before)} left`,
          );
      }
    },
  );
  return known.size;
}

/** A presence entry apart from its cursor (which moves all the time), and the cursor. */
function splitCursor(entry: PresenceEntry): { identity: string; cursor: string; where: string } {
  if (!('player' in entry)) return { identity: JSON.stringify(entry), cursor: '', where: '' };
  const { cursor, ...rest } = entry;
  return {
    identity: JSON.stringify(rest),
    cursor: JSON.stringify(cursor ?? null),
    where: cursor ? `(${cursor.x}, ${cursor.y})` : 'off the board',
  };
}
