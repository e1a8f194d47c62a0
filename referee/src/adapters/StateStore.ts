import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, RoomId } from '@scrawl/protocol';
import type { DbRecord, RoomState } from '../rules/types.js';

/** Thrown when another referee saved the room since this one loaded it: it lost the room. */
export class LostOwnershipError extends Error {
  constructor(roomId: string) {
    super(`another referee now drives room ${roomId}`);
    this.name = 'LostOwnershipError';
  }
}

/** A turn event (hint, chat line) to store with a step, for the turn's replay. */
export interface TurnEvent {
  canvasRound: number;
  kind: 'hint' | 'chat';
  payload: unknown;
  at: number;
}

/** What the public room list shows of a room (its row in `rooms`). */
export interface RoomSummary {
  players: number;
  phase: string;
  isPublic: boolean;
}

/** A removal to store with a step. */
export interface Ban {
  playerId: string;
  until: number;
}

/**
 * The referee's memory in Postgres: the whole room state after every step, and the rows
 * that step produced (games, turns, guesses, scores, moderation), in one transaction. The
 * state's version fences out a referee that lost its lease without noticing: its save
 * fails, so it never applies the effects of a step the new owner did not see.
 */
export class StateStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Turns of a room that ended but have no replay yet (a referee died before asking). */
  async unarchivedTurns(roomId: RoomId): Promise<number[]> {
    const rows = await this.db
      .selectFrom('turns')
      .leftJoin('replays', (join) =>
        join
          .onRef('replays.room_id', '=', 'turns.room_id')
          .onRef('replays.canvas_round', '=', 'turns.canvas_round'),
      )
      .select('turns.canvas_round')
      .where('turns.room_id', '=', roomId)
      .where('turns.ended_at', 'is not', null)
      .where('replays.canvas_round', 'is', null)
      .execute();
    return rows.map((row) => row.canvas_round);
  }

  /**
   * The saved state of a room and its version, or null for a room never driven. A state of a
   * shape this build cannot continue comes back as null with its version (start afresh).
   */
  async load(roomId: RoomId): Promise<{ state: RoomState | null; version: number } | null> {
    const row = await this.db
      .selectFrom('room_states')
      .select(['state', 'version'])
      .where('room_id', '=', roomId)
      .executeTakeFirst();
    if (!row) return null;
    return { state: isRoomState(row.state) ? row.state : null, version: Number(row.version) };
  }

  /**
   * Saves a state that follows `version` (null: the first save), with its records and bans,
   * and the room's summary unless it is null (unchanged since the last save). Returns the new
   * version.
   * @throws LostOwnershipError when the saved version moved on meanwhile.
   */
  async save(
    state: RoomState,
    version: number | null,
    records: readonly DbRecord[],
    bans: readonly Ban[],
    summary: RoomSummary | null,
    events: readonly TurnEvent[] = [],
  ): Promise<number> {
    const next = (version ?? 0) + 1;
    const json = JSON.stringify(state);
    return this.db.transaction().execute(async (trx) => {
      if (version === null) {
        const inserted = await trx
          .insertInto('room_states')
          .values({ room_id: state.roomId, state: json, version: String(next) })
          .onConflict((oc) => oc.column('room_id').doNothing())
          .returning('version')
          .executeTakeFirst();
        if (!inserted) throw new LostOwnershipError(state.roomId);
      } else {
        const updated = await trx
          .updateTable('room_states')
          .set({ state: json, version: String(next), updated_at: sql<Date>`now()` })
          .where('room_id', '=', state.roomId)
          .where('version', '=', String(version))
          .executeTakeFirst();
        if (updated.numUpdatedRows === 0n) throw new LostOwnershipError(state.roomId);
      }
      for (const record of records) await writeRecord(trx, state.roomId, record);
      for (const ban of bans) {
        await trx
          .insertInto('room_bans')
          .values({ room_id: state.roomId, player_id: ban.playerId, until: new Date(ban.until) })
          .onConflict((oc) =>
            oc.columns(['room_id', 'player_id']).doUpdateSet({ until: new Date(ban.until) }),
          )
          .execute();
      }
      if (events.length > 0) {
        await trx
          .insertInto('turn_events')
          .values(
            events.map((event) => ({
              room_id: state.roomId,
              canvas_round: event.canvasRound,
              kind: event.kind,
              payload: JSON.stringify(event.payload),
              at: new Date(event.at),
            })),
          )
          .execute();
      }
      if (summary) {
        await trx
          .updateTable('rooms')
          .set({ player_count: summary.players, phase: summary.phase, is_public: summary.isPublic })
          .where('id', '=', state.roomId)
          .execute();
      }
      return next;
    });
  }
}

async function writeRecord(
  trx: Transaction<Database>,
  roomId: RoomId,
  record: DbRecord,
): Promise<void> {
  switch (record.type) {
    case 'game/start':
      await trx
        .insertInto('games')
        .values({
          id: record.gameId,
          room_id: roomId,
          settings: JSON.stringify(record.settings),
          player_ids: JSON.stringify(record.playerIds),
          started_at: new Date(record.at),
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      return;
    case 'game/end':
      await trx
        .updateTable('games')
        .set({ ended_at: new Date(record.at) })
        .where('id', '=', record.gameId)
        .execute();
      for (const score of record.scores) {
        await trx
          .insertInto('game_scores')
          .values({
            game_id: record.gameId,
            player_id: score.playerId,
            score: score.score,
            place: score.place,
          })
          .onConflict((oc) => oc.columns(['game_id', 'player_id']).doNothing())
          .execute();
      }
      return;
    case 'turn/start':
      await trx
        .insertInto('turns')
        .values({
          game_id: record.gameId,
          room_id: roomId,
          canvas_round: record.canvasRound,
          round: record.round,
          drawer_id: record.drawerId,
          word: record.word,
          started_at: new Date(record.at),
          deadline_at: new Date(record.deadline),
        })
        .onConflict((oc) => oc.columns(['room_id', 'canvas_round']).doNothing())
        .execute();
      return;
    case 'turn/end':
      await trx
        .updateTable('turns')
        .set({
          ended_at: new Date(record.at),
          end_reason: record.reason,
          gained: JSON.stringify(record.gained),
        })
        .where('room_id', '=', roomId)
        .where('canvas_round', '=', record.canvasRound)
        .where('ended_at', 'is', null)
        .execute();
      return;
    case 'guess':
      await trx
        .insertInto('guesses')
        .values({
          room_id: roomId,
          canvas_round: record.canvasRound,
          player_id: record.playerId,
          text: record.text,
          verdict: record.verdict,
          points: record.points,
          at: new Date(record.at),
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return;
    case 'moderation':
      await trx
        .insertInto('moderation_events')
        .values({
          room_id: roomId,
          kind: record.kind,
          actor_id: record.actorId,
          target_id: record.targetId,
          reason: record.reason,
          at: new Date(record.at),
        })
        .execute();
      return;
  }
}

/** A saved state this build can continue (one of an older shape is started afresh). */
function isRoomState(value: unknown): value is RoomState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Partial<Record<keyof RoomState, unknown>>;
  return state.version === 1 && typeof state.lineSeq === 'number' && Array.isArray(state.seats);
}
