import { spokenHint, wordLengths } from './hint';

/**
 * The hint: revealed letters, gaps for hidden ones, spaces and hyphens as they are, with
 * the letter count. Screen readers hear each change (aria-live) as a sentence.
 */
export function HintWord({ slots }: { slots: readonly (string | null)[] }) {
  return (
    <div className="hint" data-testid="hint">
      <span className="hint-slots" aria-hidden="true">
        {slots.map((slot, index) => (
          <span
            key={index}
            className={`hint-slot${slot === ' ' ? ' hint-slot--space' : ''}${slot === null ? ' hint-slot--hidden' : ''}`}
          >
            {slot === null ? '' : slot}
          </span>
        ))}
      </span>
      <span className="hint-count" aria-hidden="true">
        {wordLengths(slots)}
      </span>
      <span className="visually-hidden" aria-live="polite">
        Hint, {spokenHint(slots)}
      </span>
    </div>
  );
}
