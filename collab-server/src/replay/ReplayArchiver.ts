import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { buildReplay, encodeReplay, readStrokes, seekReplay } from '@scrawl/drawing-engine';
import { canvasDocName, type RoomId } from '@scrawl/protocol';
import type { Db } from '../db/database.js';
import type { DocumentStore } from '../store/DocumentStore.js';

const gzipAsync = promisify(gzip);

/** What an archive did, for logs and the caller's acknowledgement. */
export interface ArchiveResult {
  created: boolean;
  strokes: number;
  points: number;
  updates: number;
  bytes: number;
}

/**
 * Turns a finished turn's canvas log into its replay: the timestamped updates plus
 * keyframes, gzip-compressed, with stroke, point and byte counts, in Postgres. Idempotent:
 * archiving a turn twice stores it once. Afterwards the canvas document is folded, since
 * its history now lives in the replay.
 */
export class ReplayArchiver {
  constructor(
    private readonly db: Db,
    private readonly store: DocumentStore,
    /** Stores whatever of the document is still queued, before its log is read. */
    private readonly flush: (documentName: string) => Promise<void>,
  ) {}

  async archive(roomId: RoomId, canvasRound: number): Promise<ArchiveResult> {
    const existing = await this.db
      .selectFrom('replays')
      .select(['strokes', 'points', 'updates', 'bytes'])
      .where('room_id', '=', roomId)
      .where('canvas_round', '=', canvasRound)
      .executeTakeFirst();
    if (existing) return { created: false, ...existing };
    const turn = await this.db
      .selectFrom('turns')
      .select(['started_at', 'ended_at'])
      .where('room_id', '=', roomId)
      .where('canvas_round', '=', canvasRound)
      .executeTakeFirst();
    if (!turn?.ended_at) throw new Error(`turn ${canvasRound} of room ${roomId} has not ended`);

    const name = canvasDocName(roomId, canvasRound);
    await this.flush(name);
    const log = await this.store.readLog(name);
    const replay = buildReplay(log);
    const final = seekReplay(replay, Number.MAX_SAFE_INTEGER);
    const strokes = readStrokes(final);
    final.destroy();
    const data = await gzipAsync(encodeReplay(replay));
    const counts = {
      strokes: strokes.length,
      points: strokes.reduce((sum, stroke) => sum + stroke.points.length, 0),
      updates: replay.updates.length,
      bytes: data.length,
    };
    const inserted = await this.db
      .insertInto('replays')
      .values({
        room_id: roomId,
        canvas_round: canvasRound,
        data,
        started_at: turn.started_at,
        ended_at: turn.ended_at,
        ...counts,
      })
      .onConflict((oc) => oc.columns(['room_id', 'canvas_round']).doNothing())
      .returning('canvas_round')
      .executeTakeFirst();
    await this.store.compact(name);
    return { created: inserted !== undefined, ...counts };
  }
}
