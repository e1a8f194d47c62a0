import * as decoding from 'lib0/decoding';

/** Hocuspocus message types (the first varint after the document name). */
export const FrameType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  syncReply: 4,
  stateless: 5,
  broadcastStateless: 6,
  close: 7,
} as const;

/** y-protocols sync message types inside a sync frame. */
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** Message types a browser or the referee may send; everything else is refused. */
export const CLIENT_FRAME_TYPES: ReadonlySet<number> = new Set([
  FrameType.sync,
  FrameType.awareness,
  FrameType.auth,
  FrameType.queryAwareness,
  FrameType.syncReply,
  FrameType.stateless,
  FrameType.close,
]);

/** What every frame starts with, or null when the bytes are not a Hocuspocus frame. */
export function readFrameHeader(frame: Uint8Array): { documentName: string; type: number } | null {
  try {
    const decoder = decoding.createDecoder(frame);
    const documentName = decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    return { documentName, type };
  } catch {
    return null;
  }
}

/**
 * The Yjs update a sync frame carries (sync step 2 or update), or null for frames that
 * carry none (sync step 1, other types). Throws on a sync frame that is cut short.
 */
export function readSyncUpdate(frame: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type !== FrameType.sync && type !== FrameType.syncReply) return null;
  const syncType = decoding.readVarUint(decoder);
  if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) return null;
  return decoding.readVarUint8Array(decoder);
}

/**
 * Turns a sync frame that carries an update into one that carries an empty update, in
 * place: Hocuspocus has already wrapped these bytes for handling, and an extension can only
 * let a frame through or close the socket. The payload's length prefix keeps its byte count
 * (lib0 reads a varuint padded with continuation bytes), so the frame's layout holds.
 */
export function emptySyncUpdate(frame: Uint8Array): void {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  const syncType = decoding.readVarUint(decoder);
  if (
    (type !== FrameType.sync && type !== FrameType.syncReply) ||
    (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE)
  ) {
    throw new Error('not a sync frame with an update');
  }
  const at = decoder.pos;
  const length = decoding.readVarUint(decoder);
  const prefix = decoder.pos - at;
  if (length < 2) throw new Error('the update is shorter than an empty one');
  // The value 2 in `prefix` bytes: 0x82, then 0x80 padding, then a final 0x00.
  if (prefix === 1) frame[at] = 2;
  else {
    frame[at] = 0x82;
    frame.fill(0x80, at + 1, at + prefix - 1);
    frame[at + prefix - 1] = 0;
  }
  // An empty update: no structs, no deletes.
  frame[at + prefix] = 0;
  frame[at + prefix + 1] = 0;
}
