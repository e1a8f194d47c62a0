import { useId } from 'react';
import { formatTime, type Marker } from './timeline';

/** Range steps of a tenth of a second: fine enough to land on any stroke. */
const STEP_MS = 100;

/**
 * The scrub bar: a native range input (keyboard and screen readers know it) over a custom
 * track that shows the time played and marks correct guesses and hints.
 */
export function ScrubBar({
  t,
  duration,
  marks,
  onSeek,
}: {
  t: number;
  duration: number;
  marks: readonly Marker[];
  onSeek: (t: number) => void;
}) {
  const labelId = useId();
  const share = (ms: number) => `${String(duration > 0 ? (ms / duration) * 100 : 0)}%`;
  return (
    <div className="scrub">
      <span id={labelId} className="visually-hidden">
        Time in the replay
      </span>
      <div className="scrub-track" aria-hidden="true">
        <div className="scrub-played" style={{ width: share(t) }} />
        {marks.map((mark) => (
          <span
            key={`${mark.kind}-${String(mark.t)}-${mark.label}`}
            className={`scrub-mark scrub-mark--${mark.kind}`}
            style={{ left: share(mark.t) }}
            title={`${mark.label} at ${formatTime(mark.t)}`}
            data-testid={`marker-${mark.kind}`}
          />
        ))}
      </div>
      <input
        type="range"
        className="scrub-input"
        data-testid="replay-scrub"
        aria-labelledby={labelId}
        aria-valuetext={`${formatTime(t)} of ${formatTime(duration)}`}
        min={0}
        max={duration}
        step={STEP_MS}
        value={t}
        onChange={(event) => {
          onSeek(Number(event.target.value));
        }}
      />
    </div>
  );
}
