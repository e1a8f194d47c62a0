import { MAX_NIBBLES } from './nibbles.js';
import { STROKE_FORMAT_V1 } from './strokeCodec.js';

/** Nibble varints per point record of format v1: x, y, pressure, time residuals. */
const VARINTS_PER_POINT = 4;

/**
 * The number of points one chunk of format v1 carries, or null if the bytes are not whole
 * records. A chunk may start with the version byte (the first chunk of a stroke, or a
 * folded blob) or not; either reading that yields whole records is accepted, the one with
 * the header first. A rare continuation chunk that starts with byte 1 and also reads as a
 * headed chunk is then miscounted: the count bounds the server's work, it does not decode.
 * Only the record structure is checked: a chunk continues a stroke, so its values cannot be
 * judged alone (decodeStroke checks them on the whole stroke).
 */
export function chunkPointCount(chunk: Uint8Array): number | null {
  const withoutHeader = countRecords(chunk, 0);
  if (chunk[0] === STROKE_FORMAT_V1) {
    const withHeader = countRecords(chunk, 1);
    if (withHeader !== null) return withHeader;
  }
  return withoutHeader;
}

function countRecords(bytes: Uint8Array, start: number): number | null {
  let records = 0;
  let nibbles = 0;
  let varints = 0;
  // Nibble i sits in byte start + i/2, the low half first.
  for (let i = 0; start + (i >> 1) < bytes.length; i++) {
    const byte = bytes[start + (i >> 1)] ?? 0;
    const nibble = i % 2 === 0 ? byte & 15 : byte >>> 4;
    nibbles++;
    if (nibbles > MAX_NIBBLES) return null;
    if (nibble >= 8) continue;
    nibbles = 0;
    varints++;
    if (varints < VARINTS_PER_POINT) continue;
    varints = 0;
    records++;
    if (i % 2 === 0) {
      // A record ending mid-byte is padded with a zero nibble.
      if (byte >>> 4 !== 0) return null;
      i++;
    }
  }
  return nibbles === 0 && varints === 0 ? records : null;
}
