import { ApiError, refreshSession } from '../lib/api';
import { saveSeat, type Seat } from '../lib/seats';
import { serverClock } from '../lib/serverTime';

/** Renewals are never attempted closer together than this. */
const RENEW_MIN_DELAY_MS = 10_000;
/** After a network failure, a renewal is retried this much later. */
const RENEW_RETRY_MS = 30_000;

/**
 * Keeps a seat's session token fresh: tokens are short-lived, so it is renewed halfway
 * through its life while the page is open, and the renewed seat is stored for reloads. A
 * refused renewal leaves the current token to run out (the banner then offers to rejoin);
 * a network failure retries. Expiry is server time, so it reads the server clock.
 */
export class SeatRenewal {
  private current: string;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly seat: Seat) {
    this.current = seat.token;
  }

  /** The token to connect with now. */
  readonly token = (): string => this.current;

  /** Starts renewing. */
  start(): void {
    this.schedule(this.seat.expiresAt);
  }

  /** Stops renewing. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(expiresAt: number): void {
    const delay = Math.max(RENEW_MIN_DELAY_MS, (expiresAt - serverClock.now()) / 2);
    this.timer = setTimeout(() => {
      refreshSession(this.current).then(
        ({ token, expiresAt: next }) => {
          this.current = token;
          saveSeat({ ...this.seat, token, expiresAt: next });
          this.schedule(next);
        },
        (error: unknown) => {
          if (error instanceof ApiError && error.code === 'network') {
            this.schedule(serverClock.now() + 2 * RENEW_RETRY_MS);
          }
        },
      );
    }, delay);
  }
}
