import type { PlayerId, RoomId } from '@scrawl/protocol';
import type { Db } from '../db/database.js';

/**
 * Who may draw on each round's canvas, as the referee named them (setDrawers). Kept in
 * Postgres so every collab-server instance decides alike. Round 0, the lobby board, is open
 * to every player and is not stored.
 */
export class DrawerRegistry {
  constructor(private readonly db: Db) {}

  /** Names the drawers of a round, replacing any earlier list. */
  async set(roomId: RoomId, round: number, playerIds: readonly PlayerId[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('round_drawers')
        .where('room_id', '=', roomId)
        .where('round', '=', round)
        .execute();
      if (playerIds.length > 0) {
        await trx
          .insertInto('round_drawers')
          .values(playerIds.map((player_id) => ({ room_id: roomId, round, player_id })))
          .execute();
      }
    });
  }

  /** Whether a player may write a round's canvas. */
  async mayDraw(roomId: RoomId, round: number, playerId: PlayerId): Promise<boolean> {
    if (round === 0) return true;
    const row = await this.db
      .selectFrom('round_drawers')
      .select('player_id')
      .where('room_id', '=', roomId)
      .where('round', '=', round)
      .where('player_id', '=', playerId)
      .executeTakeFirst();
    return row !== undefined;
  }
}
