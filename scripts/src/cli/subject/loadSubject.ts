import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import * as Y from 'yjs';
import { decodeReplay, seekReplay, type ReplayData } from '@scrawl/drawing-engine';
import { canvasDocName, type RoomId } from '@scrawl/protocol';
import { NotFoundError } from '../errors.js';
import { didYouMean } from '../suggest.js';
import { describePosition, type StoredDocument, type Target } from '../target/Target.js';
import { knownReplays, roomCodeOf, type Ref } from './resolveRef.js';

const gunzipAsync = promisify(gunzip);

/** A finished turn's replay, decoded, with the turn's clock. */
export interface LoadedReplay {
  readonly data: ReplayData;
  /** When the turn began (drawing started), epoch ms: `@SECONDS` counts from here. */
  readonly startedAt: number;
  readonly endedAt: number;
  /** Stored size (gzip). */
  readonly bytes: number;
  /** The counts stored beside it. */
  readonly stored: { readonly strokes: number; readonly points: number; readonly updates: number };
}

/** What a command looks at: a stored document, or a replay. */
export interface Subject {
  /** How it reads in output: `room/…/canvas/0 (K7PQ2X)`, `K7PQ2X/3 (replay)`. */
  readonly label: string;
  readonly kind: 'game' | 'canvas';
  /** The document's name (a replay's: its canvas document). */
  readonly name: string;
  readonly roomId: RoomId;
  readonly code: string | null;
  /** The canvas round, null for a game document. */
  readonly round: number | null;
  readonly document: StoredDocument | null;
  readonly replay: LoadedReplay | null;
  /** The moment asked for (epoch ms), for a replay; null: its end. */
  readonly at: number | null;
  /** Player names of the room, by id. */
  readonly names: ReadonlyMap<string, string>;
}

/**
 * Loads what a reference names.
 * @throws NotFoundError with the closest known names when nothing is stored under it.
 */
export async function loadSubject(target: Target, ref: Ref): Promise<Subject> {
  if (ref.kind === 'document') {
    const stored = await target.documents.read(ref.name);
    if (!stored) {
      const known = (await target.documents.list()).map((d) => d.name);
      throw new NotFoundError(`Nothing is stored for ${ref.name}.${didYouMean(ref.name, known)}`);
    }
    const code = await roomCodeOf(target, ref.doc.roomId);
    return {
      label: code ? `${ref.name} (${code})` : ref.name,
      kind: ref.doc.kind,
      name: ref.name,
      roomId: ref.doc.roomId,
      code,
      round: ref.doc.kind === 'canvas' ? ref.doc.round : null,
      document: stored,
      replay: null,
      at: null,
      names: await playerNames(target, ref.doc.roomId),
    };
  }
  const replay = await loadReplay(target, ref.roomId, ref.round);
  if (!replay) {
    const known = await knownReplays(target);
    const typed = `${ref.code}/${ref.round}`;
    throw new NotFoundError(
      `${typed} has no replay (not a finished turn).${didYouMean(typed, known)}`,
    );
  }
  return {
    label: `${ref.code}/${ref.round}${ref.atSeconds === null ? '' : ` at ${ref.atSeconds} s`} (replay)`,
    kind: 'canvas',
    name: canvasDocName(ref.roomId, ref.round),
    roomId: ref.roomId,
    code: ref.code,
    round: ref.round,
    document: null,
    replay,
    at: ref.atSeconds === null ? null : replay.startedAt + ref.atSeconds * 1000,
    names: await playerNames(target, ref.roomId),
  };
}

/** A turn's replay row, decoded; null when the turn has none. */
export async function loadReplay(
  target: Target,
  roomId: RoomId,
  round: number,
): Promise<LoadedReplay | null> {
  const row = await target.db
    .selectFrom('replays')
    .select(['data', 'started_at', 'ended_at', 'strokes', 'points', 'updates'])
    .where('room_id', '=', roomId)
    .where('canvas_round', '=', round)
    .executeTakeFirst();
  if (!row) return null;
  const data = decodeReplay(new Uint8Array(await gunzipAsync(row.data)));
  return {
    data,
    startedAt: row.started_at.getTime(),
    endedAt: row.ended_at.getTime(),
    bytes: row.data.length,
    stored: { strokes: row.strokes, points: row.points, updates: row.updates },
  };
}

/**
 * The subject as a Y.Doc: a document's state and log applied in order, or a replay seeked
 * to its moment (its end when none was asked for).
 * @throws Error naming the stored piece that cannot be read (see `scrawl verify`).
 */
export function subjectDoc(subject: Subject): Y.Doc {
  if (subject.replay) return seekReplay(subject.replay.data, subject.at ?? Number.MAX_SAFE_INTEGER);
  const doc = new Y.Doc();
  const stored = subject.document;
  for (const entry of [...(stored?.state ? [stored.state] : []), ...(stored?.log ?? [])]) {
    try {
      Y.applyUpdate(doc, entry.update);
    } catch (error) {
      throw new Error(
        `${subject.name}: ${describePosition(entry.position)} is not a readable update ` +
          `(${error instanceof Error ? error.message : String(error)}); run scrawl verify.`,
      );
    }
  }
  return doc;
}

async function playerNames(target: Target, roomId: RoomId): Promise<Map<string, string>> {
  const rows = await target.db
    .selectFrom('players')
    .select(['id', 'name'])
    .where('room_id', '=', roomId)
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
