import type { Keyframe, ReplayData, TimedUpdate } from './replay.js';

/**
 * The binary container of a replay, format 1: a version byte, then the updates and the
 * keyframes, each list as a count followed by entries. Times are deltas from the previous
 * entry's time (the first from 0); every number is an unsigned LEB128 varint.
 * update: Δat, length, bytes · keyframe: Δat, upTo, length, bytes.
 * The server stores it gzip-compressed and serves it with Content-Encoding: gzip.
 */
export const REPLAY_FORMAT_V1 = 1;

/** Encodes a replay into its container. */
export function encodeReplay(replay: ReplayData): Uint8Array {
  const out = new Writer();
  out.byte(REPLAY_FORMAT_V1);
  out.uint(replay.updates.length);
  let last = 0;
  for (const { at, update } of replay.updates) {
    out.uint(at - last);
    last = at;
    out.bytes(update);
  }
  out.uint(replay.keyframes.length);
  last = 0;
  for (const { at, upTo, state } of replay.keyframes) {
    out.uint(at - last);
    last = at;
    out.uint(upTo);
    out.bytes(state);
  }
  return out.result();
}

/**
 * Decodes a replay container.
 * @throws RangeError for another format or bytes cut short.
 */
export function decodeReplay(bytes: Uint8Array): ReplayData {
  const input = new Reader(bytes);
  const version = input.byte();
  if (version !== REPLAY_FORMAT_V1) throw new RangeError(`unknown replay format ${version}`);
  const updates: TimedUpdate[] = [];
  let at = 0;
  for (let count = input.uint(); count > 0; count--) {
    at += input.uint();
    updates.push({ at, update: input.bytes() });
  }
  const keyframes: Keyframe[] = [];
  at = 0;
  for (let count = input.uint(); count > 0; count--) {
    at += input.uint();
    const upTo = input.uint();
    keyframes.push({ at, upTo, state: input.bytes() });
  }
  return { updates, keyframes };
}

/** Epoch milliseconds need up to 41 bits: varints here use plain arithmetic, not bit ops. */
class Writer {
  private chunks: number[] = [];
  private parts: Uint8Array[] = [];

  byte(value: number): void {
    this.chunks.push(value);
  }

  uint(value: number): void {
    let rest = Math.floor(value);
    if (!Number.isSafeInteger(rest) || rest < 0) throw new RangeError(`cannot encode ${value}`);
    while (rest >= 0x80) {
      this.chunks.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.chunks.push(rest);
  }

  bytes(value: Uint8Array): void {
    this.uint(value.length);
    this.flush();
    this.parts.push(value);
  }

  result(): Uint8Array {
    this.flush();
    const total = this.parts.reduce((sum, part) => sum + part.length, 0);
    const out = new Uint8Array(total);
    let offset = 0;
    for (const part of this.parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }

  private flush(): void {
    if (this.chunks.length > 0) this.parts.push(Uint8Array.from(this.chunks));
    this.chunks = [];
  }
}

class Reader {
  private offset = 0;

  constructor(private readonly input: Uint8Array) {}

  byte(): number {
    const value = this.input[this.offset];
    if (value === undefined) throw new RangeError('replay data ends too early');
    this.offset++;
    return value;
  }

  uint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.byte();
      value += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) return value;
      scale *= 0x80;
      if (scale > 2 ** 56) throw new RangeError('replay data holds an overlong number');
    }
  }

  bytes(): Uint8Array {
    const length = this.uint();
    if (this.offset + length > this.input.length)
      throw new RangeError('replay data ends too early');
    const value = this.input.slice(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }
}
