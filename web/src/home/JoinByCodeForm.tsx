import { useId, useState, type SubmitEvent } from 'react';
import { ROOM_CODE_LENGTH, type RoomCode } from '@scrawl/protocol';
import { cleanCode, inviteCode, looksLikeLink } from '../lib/inviteCode';

/** Join by a room code, or by pasting a whole invite link into the same field. */
export function JoinByCodeForm({
  busy,
  disabled,
  onJoin,
  onInvalid,
}: {
  busy: boolean;
  disabled: boolean;
  onJoin: (code: RoomCode) => void;
  onInvalid: (message: string) => void;
}) {
  const [text, setText] = useState('');
  const id = useId();

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = inviteCode(text);
    if (!code) {
      onInvalid(
        `A room code is ${String(ROOM_CODE_LENGTH)} letters or digits, like K7PQ2X, or paste the whole invite link.`,
      );
      return;
    }
    onJoin(code);
  }

  return (
    <form className="join-form" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={id} className="label">
          Room code or invite link
        </label>
        <input
          id={id}
          className={`input${looksLikeLink(text) ? '' : ' input--code'}`}
          data-testid="join-code"
          value={text}
          onChange={(event) => {
            const value = event.target.value;
            setText(looksLikeLink(value) ? value.trim() : cleanCode(value));
          }}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="K7PQ2X"
        />
      </div>
      <button type="submit" className="button" data-testid="join-room" disabled={disabled}>
        {busy ? 'Joining…' : 'Join'}
      </button>
    </form>
  );
}
