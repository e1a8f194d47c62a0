import { sql, type Kysely } from 'kysely';
import type { Database, RoomCode, RoomId } from '@scrawl/protocol';

/**
 * A lease lives this long unless renewed (every poll, 1 s by default): a dead referee's
 * rooms move to another within this plus one poll.
 */
export const LEASE_TTL_MS = 3000;

/** A room waiting for (or held by) a referee. */
export interface ActiveRoom {
  id: RoomId;
  code: RoomCode;
  isPublic: boolean;
}

/**
 * Room ownership in Postgres: each active room is driven by one referee at a time, the one
 * holding an unexpired lease. A lease not renewed in time frees the room for another.
 */
export class LeaseStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly owner: string,
    private readonly ttlMs: number,
  ) {}

  /** Rooms with recent players that no other live referee holds. */
  async claimable(activeWithinMs: number): Promise<ActiveRoom[]> {
    const rows = await this.db
      .selectFrom('rooms')
      .leftJoin('room_leases', 'room_leases.room_id', 'rooms.id')
      .select(['rooms.id', 'rooms.code', 'rooms.is_public'])
      .where(
        'rooms.last_active_at',
        '>',
        sql<Date>`now() - ${sql.lit(`${Math.round(activeWithinMs)} milliseconds`)}::interval`,
      )
      .where((eb) =>
        eb.or([
          eb('room_leases.room_id', 'is', null),
          eb('room_leases.expires_at', '<', sql<Date>`now()`),
          eb('room_leases.owner', '=', this.owner),
        ]),
      )
      .orderBy('rooms.last_active_at', 'desc')
      .limit(100)
      .execute();
    return rows.map((row) => ({
      id: row.id as RoomId,
      code: row.code as RoomCode,
      isPublic: row.is_public,
    }));
  }

  /** Takes or renews the lease of a room; false if another referee holds it. */
  async acquire(roomId: RoomId): Promise<boolean> {
    const row = await this.db
      .insertInto('room_leases')
      .values({ room_id: roomId, owner: this.owner, expires_at: this.expiry() })
      .onConflict((oc) =>
        oc
          .column('room_id')
          .doUpdateSet({ owner: this.owner, expires_at: this.expiry() })
          .where((eb) =>
            eb.or([
              eb('room_leases.expires_at', '<', sql<Date>`now()`),
              eb('room_leases.owner', '=', this.owner),
            ]),
          ),
      )
      .returning('owner')
      .executeTakeFirst();
    return row?.owner === this.owner;
  }

  /** Gives a room up at once, so another referee need not wait for the lease to expire. */
  async release(roomId: RoomId): Promise<void> {
    await this.db
      .deleteFrom('room_leases')
      .where('room_id', '=', roomId)
      .where('owner', '=', this.owner)
      .execute();
  }

  private expiry() {
    return sql<Date>`now() + ${sql.lit(`${Math.round(this.ttlMs)} milliseconds`)}::interval`;
  }
}
