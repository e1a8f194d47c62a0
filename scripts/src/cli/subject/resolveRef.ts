import { sql } from 'kysely';
import {
  MAX_ROUND,
  canvasDocName,
  gameDocName,
  parseDocName,
  roomCodeSchema,
  roomIdSchema,
  type DocumentName,
  type RoomId,
} from '@scrawl/protocol';
import { NotFoundError, UsageError } from '../errors.js';
import { didYouMean } from '../suggest.js';
import type { Target } from '../target/Target.js';

/** A document by name, or a finished turn's replay (optionally at a moment). */
export type Ref =
  | { readonly kind: 'document'; readonly name: string; readonly doc: DocumentName }
  | {
      readonly kind: 'replay';
      readonly roomId: RoomId;
      readonly code: string;
      readonly round: number;
      /** Seconds into the turn, or null for its end. */
      readonly atSeconds: number | null;
    };

/** How DOC and ROUND may be written, for error messages and help. */
export const REF_FORMS =
  'a document name (room/<id>/game, room/<id>/canvas/<n>), CODE/game, CODE/canvas/<n>, ' +
  'or a finished turn CODE/<n> (optionally CODE/<n>@SECONDS)';

const CODE_DOC = /^([A-Za-z0-9]{6})\/(game|canvas\/(\d+))$/;
const CODE_ROUND = /^([A-Za-z0-9]{6})\/(\d+)(?:@(\d+(?:\.\d+)?))?$/;

/**
 * Reads a DOC or ROUND argument. Room codes are looked up in the database; an unknown code
 * or a name that is neither form is refused with the closest known names.
 */
export async function resolveRef(target: Target, text: string): Promise<Ref> {
  const trimmed = text.trim();
  if (trimmed.startsWith('room/')) {
    if (trimmed.includes('@')) {
      throw new UsageError(
        `"${trimmed}": a moment (@SECONDS) applies to a finished turn's replay, like K7PQ2X/3@10.`,
      );
    }
    const doc = parseDocName(trimmed);
    if (!doc) {
      const known = (await target.documents.list()).map((d) => d.name);
      throw new NotFoundError(`"${trimmed}" is not a document name.${didYouMean(trimmed, known)}`);
    }
    return { kind: 'document', name: trimmed, doc };
  }
  const docMatch = CODE_DOC.exec(trimmed);
  const roundMatch = CODE_ROUND.exec(trimmed);
  const code = docMatch?.[1] ?? roundMatch?.[1];
  if (!code) throw new UsageError(`"${trimmed}" is not a document or turn: expected ${REF_FORMS}.`);
  const roomId = await roomIdOf(target, code);
  const canonical = code.toUpperCase();
  if (docMatch) {
    if (docMatch[2] === 'game')
      return { kind: 'document', name: gameDocName(roomId), doc: { kind: 'game', roomId } };
    const round = roundNumber(docMatch[3], trimmed);
    return {
      kind: 'document',
      name: canvasDocName(roomId, round),
      doc: { kind: 'canvas', roomId, round },
    };
  }
  const atText = roundMatch?.[3];
  return {
    kind: 'replay',
    roomId,
    code: canonical,
    round: roundNumber(roundMatch?.[2], trimmed),
    atSeconds: atText === undefined ? null : Number(atText),
  };
}

/** The room id of a room code. @throws NotFoundError with the closest known codes. */
export async function roomIdOf(target: Target, code: string): Promise<RoomId> {
  const parsed = roomCodeSchema.safeParse(code);
  const room = parsed.success
    ? await target.db
        .selectFrom('rooms')
        .select('id')
        .where('code', '=', parsed.data)
        .executeTakeFirst()
    : undefined;
  if (room) return roomIdSchema.parse(room.id);
  const codes = await target.db.selectFrom('rooms').select('code').execute();
  throw new NotFoundError(
    `There is no room with code ${code.toUpperCase()}.${didYouMean(
      code.toUpperCase(),
      codes.map((r) => r.code),
    )}`,
  );
}

/** The code of a room id, or null when the room is not in the database. */
export async function roomCodeOf(target: Target, roomId: string): Promise<string | null> {
  const row = await target.db
    .selectFrom('rooms')
    .select('code')
    .where('id', '=', roomId)
    .executeTakeFirst();
  return row?.code ?? null;
}

/** Every turn with a replay, as `CODE/<n>`, for suggestions. */
export async function knownReplays(target: Target): Promise<string[]> {
  const rows = await target.db
    .selectFrom('replays')
    .innerJoin('rooms', 'rooms.id', 'replays.room_id')
    .select(['rooms.code', 'replays.canvas_round'])
    .orderBy(sql`1`)
    .execute();
  return rows.map((row) => `${row.code}/${row.canvas_round}`);
}

function roundNumber(text: string | undefined, whole: string): number {
  const round = Number(text);
  if (!Number.isSafeInteger(round) || round < 0 || round > MAX_ROUND) {
    throw new UsageError(`"${whole}": the round must be a whole number 0–${MAX_ROUND}.`);
  }
  return round;
}
