/**
 * How a client retries a lost connection to the collab-server (HocuspocusProviderWebsocket
 * options): at once, then with doubling, jittered waits of at most five seconds. The
 * provider's own ceiling, 30 s, keeps a player staring at "reconnecting" long after their
 * network or a restarted server is back. A thousand players retrying every five seconds
 * is 200 attempts a second, which a collab-server refuses or accepts cheaply.
 */
export const RECONNECT_POLICY = {
  delay: 1000,
  minDelay: 1000,
  maxDelay: 5000,
  factor: 2,
  jitter: true,
} as const;
