import { SPEEDS, type Speed } from './timeline';

/** "0.25×" … "8×". */
export function speedLabel(speed: Speed): string {
  return `${String(speed)}×`;
}

/** Playback speed as a radio group (keys 1–6 pick them too). */
export function SpeedPicker({ speed, onChange }: { speed: Speed; onChange: (s: Speed) => void }) {
  return (
    <fieldset className="speed-picker">
      <legend className="visually-hidden">Speed</legend>
      {SPEEDS.map((option, index) => (
        <label
          key={option}
          className="speed-option"
          title={`${speedLabel(option)} (${String(index + 1)})`}
        >
          <input
            type="radio"
            name="replay-speed"
            className="visually-hidden"
            data-testid={`speed-${String(option)}`}
            checked={speed === option}
            aria-keyshortcuts={String(index + 1)}
            onChange={() => {
              onChange(option);
            }}
          />
          <span>{speedLabel(option)}</span>
        </label>
      ))}
    </fieldset>
  );
}
