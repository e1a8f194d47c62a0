/**
 * Nibble varints for the stroke codec: an unsigned integer is written as 4-bit groups, least
 * significant first, each carrying 3 bits of value and a continuation bit (bit 3). Values
 * 0–7 take half a byte, 8–63 one byte, 64–511 a byte and a half. The first nibble of a byte
 * is its low half. Owned here rather than borrowed, so the byte format is documented and
 * frozen by this package.
 */

/** Longest nibble varint accepted: 10 groups carry 30 bits, plenty for any stroke value. */
export const MAX_NIBBLES = 10;

/** Maps signed to unsigned so small magnitudes stay small: 0, -1, 1, -2 … → 0, 1, 2, 3 … */
export function zigzag(value: number): number {
  return ((value << 1) ^ (value >> 31)) >>> 0;
}

/** Inverse of {@link zigzag}. */
export function unzigzag(value: number): number {
  return (value >>> 1) ^ -(value & 1);
}

/** A growable byte buffer that nibble varints are written into. */
export class NibbleWriter {
  private bytes: Uint8Array;
  private length = 0;
  /** Whether the last byte's high half is still free. */
  private half = false;

  constructor(capacity = 64) {
    this.bytes = new Uint8Array(Math.max(1, capacity));
  }

  /** Appends one whole byte; only valid at a byte boundary. */
  byte(value: number): void {
    this.ensure();
    this.bytes[this.length++] = value & 0xff;
  }

  /** Appends an unsigned integer (0 ≤ value < 2^30) as a nibble varint. */
  uint(value: number): void {
    let rest = value >>> 0;
    while (rest > 7) {
      this.nibble((rest & 7) | 8);
      rest >>>= 3;
    }
    this.nibble(rest);
  }

  /** Appends a signed integer as a zigzag nibble varint. */
  int(value: number): void {
    this.uint(zigzag(value));
  }

  /** Ends a record: a free high half is left zero, so the next record starts on a byte. */
  align(): void {
    this.half = false;
  }

  /** A copy of the bytes written so far. */
  toBytes(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }

  private nibble(value: number): void {
    if (this.half) {
      const last = this.length - 1;
      this.bytes[last] = (this.bytes[last] ?? 0) | (value << 4);
      this.half = false;
    } else {
      this.ensure();
      this.bytes[this.length++] = value;
      this.half = true;
    }
  }

  private ensure(): void {
    if (this.length < this.bytes.length) return;
    const grown = new Uint8Array(this.bytes.length * 2);
    grown.set(this.bytes);
    this.bytes = grown;
  }
}
