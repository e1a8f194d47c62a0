/** Audio bytes through a connection: received (inbound RTP) and sent (outbound RTP). */
export interface AudioBytes {
  readonly received: number;
  readonly sent: number;
}

function numberField(stat: object, field: string): number {
  const value: unknown = Reflect.get(stat, field);
  return typeof value === 'number' ? value : 0;
}

/** Sums the audio RTP byte counters of WebRTC stats reports. */
export function audioBytes(reports: readonly RTCStatsReport[]): AudioBytes {
  let received = 0;
  let sent = 0;
  for (const report of reports) {
    report.forEach((stat: unknown) => {
      if (typeof stat !== 'object' || stat === null) return;
      if (Reflect.get(stat, 'kind') !== 'audio') return;
      const type: unknown = Reflect.get(stat, 'type');
      if (type === 'inbound-rtp') received += numberField(stat, 'bytesReceived');
      if (type === 'outbound-rtp') sent += numberField(stat, 'bytesSent');
    });
  }
  return { received, sent };
}
