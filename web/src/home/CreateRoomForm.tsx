import { useState } from 'react';

/** Create a room, private (invite only) or public (listed on the start page). */
export function CreateRoomForm({
  busy,
  disabled,
  onCreate,
}: {
  busy: boolean;
  disabled: boolean;
  onCreate: (isPublic: boolean) => void;
}) {
  const [isPublic, setPublic] = useState(false);
  return (
    <div className="create-room">
      <fieldset className="segmented">
        <legend className="visually-hidden">Who can find the room</legend>
        <label className="segmented-option">
          <input
            type="radio"
            name="visibility"
            className="visually-hidden"
            data-testid="create-private"
            checked={!isPublic}
            onChange={() => {
              setPublic(false);
            }}
          />
          <span>Private</span>
        </label>
        <label className="segmented-option">
          <input
            type="radio"
            name="visibility"
            className="visually-hidden"
            data-testid="create-public"
            checked={isPublic}
            onChange={() => {
              setPublic(true);
            }}
          />
          <span>Public</span>
        </label>
      </fieldset>
      <p className="field-hint">
        {isPublic ? 'Anyone can find it on the start page.' : 'Only people with the link can join.'}
      </p>
      <button
        type="button"
        className="button button--primary button--wide"
        data-testid="create-room"
        onClick={() => {
          onCreate(isPublic);
        }}
        disabled={disabled}
      >
        {busy ? 'Creating…' : 'Create a room'}
      </button>
    </div>
  );
}
