import { describe, expect, it } from '@jest/globals';
import { deviceIdFromBytes } from './prefs';

describe('deviceIdFromBytes', () => {
  it('makes 24 characters the join endpoint accepts, from any bytes', () => {
    for (const fill of [0, 63, 64, 200, 255]) {
      const id = deviceIdFromBytes(new Uint8Array(24).fill(fill));
      expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    }
    const bytes = Uint8Array.from({ length: 24 }, (_, i) => i * 11);
    expect(deviceIdFromBytes(bytes)).toBe(deviceIdFromBytes(bytes));
  });
});
