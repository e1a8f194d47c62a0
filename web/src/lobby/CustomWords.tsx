import { useId, useState } from 'react';
import { MIN_CUSTOM_WORDS, applySettingsPatch, type RoomSettings } from '@scrawl/protocol';

/**
 * The host's own words, comma separated, sent as typed when the field loses focus (the
 * referee splits and checks them). Problems are explained before anything is sent. Until
 * the referee has told a new host the room's words (`pending`), the field waits.
 */
export function CustomWords({
  settings,
  pending,
  onCommit,
}: {
  settings: RoomSettings;
  pending: boolean;
  onCommit: (text: string) => void;
}) {
  const id = useId();
  const hintId = useId();
  const joined = settings.customWords.join(', ');
  const [draft, setDraft] = useState(joined);
  const [shown, setShown] = useState(joined);
  const [problem, setProblem] = useState<string | null>(null);
  if (shown !== joined) {
    setShown(joined);
    setDraft(joined);
    setProblem(null);
  }

  function commit() {
    if (draft === joined) return;
    const result = applySettingsPatch(settings, { customWords: draft });
    if (!result.ok) {
      setProblem(result.message.replace(/^customWords /, ''));
      return;
    }
    setProblem(null);
    onCommit(draft);
  }

  return (
    <div className="setting setting--words">
      <label htmlFor={id} className="label">
        Custom words
      </label>
      <textarea
        id={id}
        className="input input--area"
        data-testid="setting-customWords"
        value={draft}
        disabled={pending}
        placeholder="apple, lighthouse, paper plane, …"
        aria-describedby={hintId}
        aria-invalid={problem !== null}
        onChange={(event) => {
          setDraft(event.target.value);
        }}
        onBlur={commit}
      />
      <p id={hintId} className={problem ? 'field-error' : 'field-hint'}>
        {pending
          ? 'Fetching the room’s custom words…'
          : (problem ?? `Separate them with commas; at least ${String(MIN_CUSTOM_WORDS)} words.`)}
      </p>
    </div>
  );
}
