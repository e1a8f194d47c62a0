import { useId } from 'react';
import { MAX_NAME_LENGTH } from '@scrawl/protocol';

/** The "Your name" input, shared by the start page and a room's join form. */
export function NameField({
  value,
  onChange,
  autoFocus = false,
}: {
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="label">
        Your name
      </label>
      <input
        id={id}
        className="input"
        data-testid="name-input"
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        maxLength={MAX_NAME_LENGTH}
        autoComplete="nickname"
        autoFocus={autoFocus}
        required
      />
    </div>
  );
}
