import { useEffect, useState } from 'react';
import type { ServerClock } from './serverClock';

/** How often a running countdown re-renders: often enough that whole seconds tick on time. */
const TICK_MS = 250;

/**
 * The server's current time, refreshed every {@link TICK_MS} while `running` and whenever
 * the clock's offset is measured again.
 */
export function useServerNow(clock: ServerClock, running: boolean): number {
  const [now, setNow] = useState(clock.now);
  useEffect(() => {
    const update = () => {
      setNow(clock.now());
    };
    update();
    const stop = clock.offset.subscribe(update);
    const timer = running ? setInterval(update, TICK_MS) : null;
    return () => {
      stop();
      if (timer !== null) clearInterval(timer);
    };
  }, [clock, running]);
  return now;
}

/** Whole seconds left until a server deadline (never negative), or null without one. */
export function secondsLeft(deadline: number | null, serverNow: number): number | null {
  if (deadline === null) return null;
  return Math.max(0, Math.ceil((deadline - serverNow) / 1000));
}
