import { parseDocName } from '@scrawl/protocol';
import { printJson, stringOption, type Command } from '../command.js';
import { formatBytes, formatCount, formatTime } from '../output/format.js';
import { formatTable } from '../output/table.js';
import { roomIdOf } from '../subject/resolveRef.js';

/** One document as `scrawl docs` lists it. */
export interface DocListing {
  name: string;
  room: string | null;
  kind: 'game' | 'canvas' | 'unknown';
  round: number | null;
  stateBytes: number;
  logBytes: number;
  bytes: number;
  updates: number;
  lastWrite: number | null;
}

export const docsCommand: Command = {
  name: 'docs',
  summary: 'documents with size, update count and last write',
  usage: 'scrawl docs [--room CODE] [--json]',
  details:
    "Lists stored documents: the folded state's bytes, the log after it (updates, bytes) and\n" +
    "the last write. With --room, only that room's documents.",
  options: { room: { type: 'string', value: 'CODE', description: "only this room's documents" } },
  positionals: { min: 0, max: 0 },
  async run(context) {
    const target = await context.target();
    const code = stringOption(context, 'room');
    const roomId = code === undefined ? null : await roomIdOf(target, code);
    const rooms = await target.db.selectFrom('rooms').select(['id', 'code']).execute();
    const codes = new Map(rooms.map((room) => [room.id, room.code]));
    const listing: DocListing[] = [];
    for (const doc of await target.documents.list()) {
      const parsed = parseDocName(doc.name);
      if (roomId !== null && parsed?.roomId !== roomId) continue;
      listing.push({
        name: doc.name,
        room: parsed ? (codes.get(parsed.roomId) ?? null) : null,
        kind: parsed?.kind ?? 'unknown',
        round: parsed?.kind === 'canvas' ? parsed.round : null,
        stateBytes: doc.stateBytes,
        logBytes: doc.logBytes,
        bytes: doc.stateBytes + doc.logBytes,
        updates: doc.updates,
        lastWrite: doc.lastWrite,
      });
    }
    listing.sort(
      (a, b) =>
        (a.room ?? '~').localeCompare(b.room ?? '~') ||
        a.name.localeCompare(b.name, 'en', { numeric: true }),
    );
    if (context.json) {
      printJson(context.io, listing);
      return 0;
    }
    context.io.out(
      formatTable(
        listing,
        [
          { heading: 'ROOM', value: (d) => d.room ?? '?' },
          { heading: 'NAME', value: (d) => d.name },
          { heading: 'STATE', value: (d) => formatBytes(d.stateBytes), align: 'right' },
          { heading: 'UPDATES', value: (d) => formatCount(d.updates), align: 'right' },
          { heading: 'LOG', value: (d) => formatBytes(d.logBytes), align: 'right' },
          { heading: 'LAST WRITE', value: (d) => formatTime(d.lastWrite) },
        ],
        code === undefined ? 'No documents stored.' : `No documents stored for room ${code}.`,
      ),
    );
    return 0;
  },
};
