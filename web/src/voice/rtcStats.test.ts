import { describe, expect, it } from '@jest/globals';
import { audioBytes } from './rtcStats';

function report(stats: object[]): RTCStatsReport {
  return new Map(stats.map((stat, index) => [String(index), stat]));
}

describe('audioBytes', () => {
  it('sums audio RTP bytes in and out over every report, and nothing else', () => {
    const subscriber = report([
      { type: 'inbound-rtp', kind: 'audio', bytesReceived: 1200 },
      { type: 'inbound-rtp', kind: 'audio', bytesReceived: 300 },
      { type: 'inbound-rtp', kind: 'video', bytesReceived: 9999 },
      { type: 'transport', bytesReceived: 5000 },
    ]);
    const publisher = report([
      { type: 'outbound-rtp', kind: 'audio', bytesSent: 800 },
      { type: 'outbound-rtp', kind: 'audio' },
    ]);
    expect(audioBytes([subscriber, publisher])).toEqual({ received: 1500, sent: 800 });
    expect(audioBytes([])).toEqual({ received: 0, sent: 0 });
  });
});
