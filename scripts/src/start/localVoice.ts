import {
  findLiveKitServer,
  startLiveKit,
  type LiveKitProcess,
  type LiveKitSettings,
} from './livekit.js';
import { freeTcpPort, freeUdpPort, tcpPortIsFree, udpPortIsFree } from './ports.js';

/** The ports of infra/livekit.yaml's defaults, used when they are free. */
const DEFAULTS = { port: 7880, tcpPort: 7881, udpPort: 7882, turnPort: 3478 };
/** TURN relay ports: a small range is plenty on loopback. */
const RELAY_RANGE = 100;

/**
 * Starts a livekit-server on loopback for `npm start`, when one is installed (PATH or
 * ~/go/bin). Uses the default ports when free, else free ones. Returns null (voice off)
 * with the reason when there is no binary or it cannot start.
 */
export async function startLocalVoice(
  keys: { apiKey: string; apiSecret: string },
  webhookUrl: string,
): Promise<
  { livekit: LiveKitProcess; settings: LiveKitSettings } | { livekit: null; reason: string }
> {
  const binary = findLiveKitServer();
  if (!binary) return { livekit: null, reason: 'no livekit-server found on PATH or in ~/go/bin' };
  const defaultsFree =
    (await tcpPortIsFree(DEFAULTS.port)) &&
    (await tcpPortIsFree(DEFAULTS.tcpPort)) &&
    (await udpPortIsFree(DEFAULTS.udpPort)) &&
    (await udpPortIsFree(DEFAULTS.turnPort));
  const ports = defaultsFree
    ? DEFAULTS
    : {
        port: await freeTcpPort(),
        tcpPort: await freeTcpPort(),
        udpPort: await freeUdpPort(),
        turnPort: await freeUdpPort(),
      };
  const relayStart = 40_000 + Math.floor(Math.random() * 200) * RELAY_RANGE;
  const settings: LiveKitSettings = {
    ...ports,
    relayStart,
    relayEnd: relayStart + RELAY_RANGE - 1,
    ...keys,
    webhookUrl,
  };
  try {
    return { livekit: await startLiveKit(binary, settings), settings };
  } catch (error) {
    return { livekit: null, reason: error instanceof Error ? error.message : String(error) };
  }
}
