import { useEffect, useId, useRef, useState } from 'react';
import { SETTING_BOUNDS } from '@scrawl/protocol';

/** Typing settles for this long before the value is sent. */
const COMMIT_DELAY_MS = 500;

/**
 * A whole-number setting within the referee's bounds. What the host types is sent once it
 * is a valid number and typing pauses (or the field loses focus); out-of-range input is
 * explained and not sent.
 */
export function NumberSetting({
  name,
  label,
  unit,
  step,
  value,
  onCommit,
}: {
  name: keyof typeof SETTING_BOUNDS;
  label: string;
  unit: string;
  step: number;
  value: number;
  onCommit: (value: number) => void;
}) {
  const { min, max } = SETTING_BOUNDS[name];
  const id = useId();
  const errorId = useId();
  const [draft, setDraft] = useState(String(value));
  const [shown, setShown] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  if (shown !== value) {
    // The room's value changed (the host's own change arriving, or another tab's).
    setShown(value);
    setDraft(String(value));
  }
  const parsed = Number(draft);
  const valid = draft.trim() !== '' && Number.isInteger(parsed) && parsed >= min && parsed <= max;

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  function commit(next: string) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const number = Number(next);
    if (next.trim() === '' || !Number.isInteger(number) || number < min || number > max) return;
    if (number !== value) onCommit(number);
  }

  return (
    <div className="setting setting--number">
      <label htmlFor={id} className="label">
        {label}
        {unit && <span className="setting-unit"> ({unit})</span>}
      </label>
      <input
        id={id}
        className="input input--number"
        type="number"
        inputMode="numeric"
        data-testid={`setting-${name}`}
        min={min}
        max={max}
        step={step}
        value={draft}
        aria-invalid={!valid}
        aria-describedby={valid ? undefined : errorId}
        onChange={(event) => {
          const next = event.target.value;
          setDraft(next);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => {
            commit(next);
          }, COMMIT_DELAY_MS);
        }}
        onBlur={() => {
          commit(draft);
        }}
      />
      {!valid && (
        <p id={errorId} className="field-error">
          A whole number from {min} to {max}.
        </p>
      )}
    </div>
  );
}
