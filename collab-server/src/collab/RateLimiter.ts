/**
 * A token bucket: `ratePerSecond` sustained, with bursts of `burstSeconds` worth. Time is
 * passed in, so it is testable without clocks.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Takes `cost` tokens if available; false means the caller is over the limit. */
  take(cost: number, now: number): boolean {
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.ratePerSecond);
    this.updatedAt = now;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }
}

/** Per-socket limits, per second. */
export interface SocketLimits {
  updatesPerSecond: number;
  updateBytesPerSecond: number;
  presencePerSecond: number;
  rpcPerSecond: number;
}

/** Bursts of this many seconds' worth pass: a reconnect's catch-up, a fast scribble. */
export const BURST_SECONDS = 2;

/**
 * Presence past its limit, up to this many times the limit, is held rather than refused: a
 * moving cursor's updates queued while the network was gone arrive all at once when it is
 * back, and presence is last-writer-wins, so only the latest needs to pass. Beyond this it is
 * a flood, and the socket is closed.
 */
export const PRESENCE_EXCESS_FACTOR = 10;

/** The buckets of one socket, by kind of frame. */
export class SocketRateLimiter {
  private readonly updates: TokenBucket;
  private readonly updateBytes: TokenBucket;
  private readonly presence: TokenBucket;
  private readonly presenceExcess: TokenBucket;
  private readonly rpc: TokenBucket;
  private trusted = false;

  constructor(limits: SocketLimits, maxFrameBytes: number, now: number) {
    const bucket = (rate: number, floor = 1) =>
      new TokenBucket(rate, Math.max(floor, rate * BURST_SECONDS), now);
    this.updates = bucket(limits.updatesPerSecond);
    // One frame of the largest allowed size always fits, or a big catch-up could never pass.
    this.updateBytes = bucket(limits.updateBytesPerSecond, maxFrameBytes);
    this.presence = bucket(limits.presencePerSecond);
    this.presenceExcess = bucket(limits.presencePerSecond * PRESENCE_EXCESS_FACTOR);
    this.rpc = bucket(limits.rpcPerSecond);
  }

  /**
   * Whether a presence frame that {@link allow} refused may be held (the socket's latest
   * presence, passed on once the limit allows) instead of closing the socket.
   */
  mayHoldPresence(now: number): boolean {
    return this.presenceExcess.take(1, now);
  }

  /**
   * Lifts every limit: for the referee's socket, which carries every room it drives (its
   * whispers, requests and state for dozens of rooms would pass a player's limits at once).
   */
  trust(): void {
    this.trusted = true;
  }

  /** Whether a frame of this kind and size may pass now. */
  allow(kind: 'update' | 'presence' | 'rpc' | 'other', bytes: number, now: number): boolean {
    if (this.trusted) return true;
    switch (kind) {
      case 'update':
        return this.updates.take(1, now) && this.updateBytes.take(bytes, now);
      case 'presence':
        return this.presence.take(1, now);
      case 'rpc':
        return this.rpc.take(1, now);
      case 'other':
        return true;
    }
  }
}

/**
 * The rate limiters of open sockets by Hocuspocus socket id, so that authentication can lift
 * the limits of a socket that proved to be the referee's.
 */
export class SocketLimiters {
  private readonly bySocket = new Map<string, SocketRateLimiter>();

  add(socketId: string, limiter: SocketRateLimiter): void {
    this.bySocket.set(socketId, limiter);
  }

  remove(socketId: string): void {
    this.bySocket.delete(socketId);
  }

  /** Lifts the limits of a socket (authenticated as the referee). */
  trust(socketId: string): void {
    this.bySocket.get(socketId)?.trust();
  }
}
