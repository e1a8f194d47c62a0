import type { ServerClock } from '../lib/serverClock';
import { secondsLeft, useServerNow } from '../lib/useServerNow';

/** The time left until a server deadline, as a ticking clock face ("1:05", "0:09"). */
export function Countdown({
  clock,
  deadline,
  label,
}: {
  clock: ServerClock;
  deadline: number | null;
  label: string;
}) {
  const now = useServerNow(clock, deadline !== null);
  const left = secondsLeft(deadline, now);
  if (left === null) return null;
  const minutes = Math.floor(left / 60);
  const seconds = String(left % 60).padStart(2, '0');
  return (
    <span
      className={`countdown${left <= 10 ? ' countdown--urgent' : ''}`}
      role="timer"
      aria-label={`${label}: ${String(left)} seconds left`}
      data-testid="countdown"
      data-seconds={left}
    >
      {minutes}:{seconds}
    </span>
  );
}
