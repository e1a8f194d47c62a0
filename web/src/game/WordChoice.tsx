import type { ServerClock } from '../lib/serverClock';
import { Countdown } from '../ui/Countdown';
import { Overlay } from '../ui/Overlay';

/**
 * The drawer picks the word to draw from the choices whispered to them, before the
 * countdown runs out (the referee then picks one).
 */
export function WordChoice({
  choices,
  deadline,
  clock,
  onChoose,
}: {
  choices: readonly string[] | null;
  deadline: number | null;
  clock: ServerClock;
  onChoose: (index: number) => void;
}) {
  return (
    <Overlay title="Choose a word to draw" testId="word-choice">
      <Countdown clock={clock} deadline={deadline} label="Time to choose" />
      {choices ? (
        <div className="choice-list">
          {choices.map((word, index) => (
            <button
              key={`${String(index)}-${word}`}
              type="button"
              className="button button--primary button--large"
              data-testid="word-option"
              autoFocus={index === 0}
              onClick={() => {
                onChoose(index);
              }}
            >
              {word}
            </button>
          ))}
        </div>
      ) : (
        <p>Your words are on their way…</p>
      )}
    </Overlay>
  );
}
