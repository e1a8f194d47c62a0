import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import {
  idFromBytes,
  roomCodeFromBytes,
  type PlayerId,
  type Role,
  type RoomCode,
  type RoomId,
  type RoomPlayer,
} from '@scrawl/protocol';
import type { Db } from '../db/database.js';

/** A room as stored. */
export interface RoomRecord {
  id: RoomId;
  code: RoomCode;
  isPublic: boolean;
  createdAt: Date;
}

/** Attempts at finding an unused room code before giving up (collisions are rare). */
const CODE_ATTEMPTS = 8;

/** Rooms and seats in Postgres. */
export class RoomRepository {
  constructor(private readonly db: Db) {}

  /** Creates a room with a fresh id and an unused code. */
  async create(options: { isPublic: boolean }): Promise<RoomRecord> {
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const id = idFromBytes(randomBytes(16)) as RoomId;
      const code = roomCodeFromBytes(randomBytes(6));
      const row = await this.db
        .insertInto('rooms')
        .values({ id, code, is_public: options.isPublic })
        .onConflict((oc) => oc.column('code').doNothing())
        .returning(['id', 'code', 'is_public', 'created_at'])
        .executeTakeFirst();
      if (row) return toRoom(row);
    }
    throw new Error('could not find an unused room code');
  }

  /** The room with this code, or null. */
  async findByCode(code: RoomCode): Promise<RoomRecord | null> {
    const row = await this.db
      .selectFrom('rooms')
      .select(['id', 'code', 'is_public', 'created_at'])
      .where('code', '=', code)
      .executeTakeFirst();
    return row ? toRoom(row) : null;
  }

  /** Adds a seat to a room. */
  async addPlayer(
    roomId: RoomId,
    seat: { name: string; color: string; role: Role; device?: string | undefined },
  ): Promise<RoomPlayer> {
    const id = idFromBytes(randomBytes(16)) as PlayerId;
    await this.db
      .insertInto('players')
      .values({
        id,
        room_id: roomId,
        name: seat.name,
        color: seat.color,
        role: seat.role,
        device: seat.device ?? null,
      })
      .execute();
    return { id, name: seat.name, color: seat.color, role: seat.role };
  }

  /** Whether a seat, or any seat of the same browser, is banned from a room now. */
  async isBanned(
    roomId: RoomId,
    who: { playerId?: PlayerId; device?: string | undefined },
  ): Promise<boolean> {
    const row = await this.db
      .selectFrom('room_bans')
      .innerJoin('players', 'players.id', 'room_bans.player_id')
      .select('room_bans.player_id')
      .where('room_bans.room_id', '=', roomId)
      .where('room_bans.until', '>', sql<Date>`now()`)
      .where((eb) =>
        eb.or([
          ...(who.playerId ? [eb('room_bans.player_id', '=', who.playerId)] : []),
          ...(who.device ? [eb('players.device', '=', who.device)] : []),
          eb.val(false),
        ]),
      )
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Public rooms with players in them now, busiest first. */
  async listPublic(limit: number): Promise<{ code: RoomCode; players: number; phase: string }[]> {
    const rows = await this.db
      .selectFrom('rooms')
      .select(['code', 'player_count', 'phase'])
      .where('is_public', '=', true)
      .where('player_count', '>', 0)
      .where('last_active_at', '>', sql<Date>`now() - interval '2 minutes'`)
      .orderBy('player_count', 'desc')
      .orderBy('last_active_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      code: row.code as RoomCode,
      players: row.player_count,
      phase: row.phase,
    }));
  }

  /** Every seat of a room, in joining order. */
  async listPlayers(roomId: RoomId): Promise<RoomPlayer[]> {
    const rows = await this.db
      .selectFrom('players')
      .select(['id', 'name', 'color', 'role'])
      .where('room_id', '=', roomId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ ...row, id: row.id as PlayerId }));
  }

  /** Whether a seat exists in a room. */
  async hasPlayer(roomId: RoomId, playerId: PlayerId): Promise<boolean> {
    const row = await this.db
      .selectFrom('players')
      .select('id')
      .where('id', '=', playerId)
      .where('room_id', '=', roomId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Whether a room exists. */
  async exists(roomId: RoomId): Promise<boolean> {
    const row = await this.db
      .selectFrom('rooms')
      .select('id')
      .where('id', '=', roomId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Records that someone is connected to the room now, so a referee picks it up. */
  async touch(roomId: RoomId): Promise<void> {
    await this.db
      .updateTable('rooms')
      .set({ last_active_at: sql<Date>`now()` })
      .where('id', '=', roomId)
      .execute();
  }
}

function toRoom(row: {
  id: string;
  code: string;
  is_public: boolean;
  created_at: Date;
}): RoomRecord {
  return {
    id: row.id as RoomId,
    code: row.code as RoomCode,
    isPublic: row.is_public,
    createdAt: row.created_at,
  };
}
