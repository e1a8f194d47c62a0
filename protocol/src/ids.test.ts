import { describe, expect, it } from '@jest/globals';
import { idFromBytes, isRoomId, roomCodeFromBytes, roomCodeSchema } from './ids.js';

describe('ids and room codes', () => {
  it('builds ids that pass their own validation', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => i * 37);
    expect(isRoomId(idFromBytes(bytes))).toBe(true);
  });

  it('builds codes from unambiguous characters only', () => {
    for (let seed = 0; seed < 256; seed += 7) {
      const code = roomCodeFromBytes(Uint8Array.from({ length: 6 }, (_, i) => seed + i * 41));
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
      expect(roomCodeSchema.parse(code)).toBe(code);
    }
  });

  it('accepts a typed code in lower case with spaces around it', () => {
    expect(roomCodeSchema.parse(' k7pq2x ')).toBe('K7PQ2X');
  });

  it('refuses codes with look-alike characters', () => {
    expect(roomCodeSchema.safeParse('K7PQ0X').success).toBe(false);
    expect(roomCodeSchema.safeParse('K7PQ1X').success).toBe(false);
  });

  it('refuses too few random bytes', () => {
    expect(() => idFromBytes(new Uint8Array(4))).toThrow(RangeError);
  });
});
