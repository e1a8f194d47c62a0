import { describe, expect, it } from '@jest/globals';
import { offsetFromSamples } from './serverClock';

describe('offsetFromSamples', () => {
  it('trusts the quickest round trip, with the server read half-way through it', () => {
    const offset = offsetFromSamples([
      { receivedAt: 1_000, roundTrip: 300, serverNow: 61_000 },
      { receivedAt: 2_000, roundTrip: 20, serverNow: 61_900 },
      { receivedAt: 3_000, roundTrip: 90, serverNow: 62_990 },
    ]);
    expect(offset).toBe(61_900 + 10 - 2_000);
  });

  it('is null without usable samples', () => {
    expect(offsetFromSamples([])).toBeNull();
    expect(offsetFromSamples([{ receivedAt: 0, roundTrip: Number.NaN, serverNow: 5 }])).toBeNull();
  });
});
