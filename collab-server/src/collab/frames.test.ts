import { describe, expect, it } from '@jest/globals';
import * as encoding from 'lib0/encoding';
import { FrameType, emptySyncUpdate, readSyncUpdate } from './frames.js';

function syncFrame(update: Uint8Array, syncType = 2): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, 'room/abc/canvas/1');
  encoding.writeVarUint(encoder, FrameType.sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

describe('emptySyncUpdate', () => {
  it.each([2, 100, 300, 20_000])(
    'turns a %i-byte update into an empty one in place, frame length unchanged',
    (size) => {
      const frame = syncFrame(new Uint8Array(size).fill(7));
      const length = frame.length;
      emptySyncUpdate(frame);
      expect(frame.length).toBe(length);
      expect(readSyncUpdate(frame)).toEqual(new Uint8Array([0, 0]));
    },
  );

  it('refuses frames that carry no update', () => {
    expect(() => emptySyncUpdate(syncFrame(new Uint8Array([0]), 0))).toThrow(/not a sync frame/);
  });
});
