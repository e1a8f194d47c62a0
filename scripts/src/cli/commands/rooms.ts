import { sql } from 'kysely';
import { parseDocName } from '@scrawl/protocol';
import { printJson, type Command } from '../command.js';
import { formatBytes, formatCount, formatTime } from '../output/format.js';
import { formatTable } from '../output/table.js';

/** One room as `scrawl rooms` lists it. */
export interface RoomListing {
  code: string;
  roomId: string;
  /** As the referee last saw it. */
  phase: string;
  /** Seats of players (spectators apart). */
  players: number;
  spectators: number;
  /** Players connected when the referee last looked. */
  online: number;
  documents: number;
  /** Stored bytes of all its documents (states and logs). */
  bytes: number;
  replays: number;
  lastActive: number;
}

export const roomsCommand: Command = {
  name: 'rooms',
  summary: 'rooms with code, phase, players, documents and bytes',
  usage: 'scrawl rooms [--json]',
  details:
    'Lists every room in the database, most recently active first: its code, phase (as the\n' +
    'referee last saw it), seats, players online, stored documents and their bytes, replays.',
  options: {},
  positionals: { min: 0, max: 0 },
  async run(context) {
    const target = await context.target();
    const rooms = await target.db
      .selectFrom('rooms')
      .select(['id', 'code', 'phase', 'player_count', 'last_active_at'])
      .orderBy('last_active_at', 'desc')
      .execute();
    const seats = await target.db
      .selectFrom('players')
      .select(['room_id', 'role', sql<string>`count(*)`.as('count')])
      .groupBy(['room_id', 'role'])
      .execute();
    const replays = await target.db
      .selectFrom('replays')
      .select(['room_id', sql<string>`count(*)`.as('count')])
      .groupBy('room_id')
      .execute();
    const documents = new Map<string, { count: number; bytes: number }>();
    for (const doc of await target.documents.list()) {
      const roomId = parseDocName(doc.name)?.roomId;
      if (!roomId) continue;
      const sum = documents.get(roomId) ?? { count: 0, bytes: 0 };
      documents.set(roomId, {
        count: sum.count + 1,
        bytes: sum.bytes + doc.stateBytes + doc.logBytes,
      });
    }
    const seatCount = (roomId: string, role: string) =>
      Number(seats.find((s) => s.room_id === roomId && s.role === role)?.count ?? 0);
    const listing: RoomListing[] = rooms.map((room) => ({
      code: room.code,
      roomId: room.id,
      phase: room.phase,
      players: seatCount(room.id, 'player'),
      spectators: seatCount(room.id, 'spectator'),
      online: room.player_count,
      documents: documents.get(room.id)?.count ?? 0,
      bytes: documents.get(room.id)?.bytes ?? 0,
      replays: Number(replays.find((r) => r.room_id === room.id)?.count ?? 0),
      lastActive: room.last_active_at.getTime(),
    }));
    if (context.json) {
      printJson(context.io, listing);
      return 0;
    }
    context.io.out(
      formatTable(
        listing,
        [
          { heading: 'CODE', value: (r) => r.code },
          { heading: 'PHASE', value: (r) => r.phase },
          { heading: 'PLAYERS', value: (r) => formatCount(r.players), align: 'right' },
          { heading: 'ONLINE', value: (r) => formatCount(r.online), align: 'right' },
          { heading: 'DOCS', value: (r) => formatCount(r.documents), align: 'right' },
          { heading: 'BYTES', value: (r) => formatBytes(r.bytes), align: 'right' },
          { heading: 'REPLAYS', value: (r) => formatCount(r.replays), align: 'right' },
          { heading: 'LAST ACTIVE', value: (r) => formatTime(r.lastActive) },
        ],
        'No rooms yet.',
      ),
    );
    return 0;
  },
};
