import { useEffect, useState, type SubmitEvent } from 'react';
import type { Role, RoomCode } from '@scrawl/protocol';
import { ColorField } from '../home/ColorField';
import { NameField } from '../home/NameField';
import { ApiError, describeError, joinRoom } from '../lib/api';
import { Link } from '../lib/Link';
import { loadColor, loadName, saveColor, saveName } from '../lib/prefs';
import { nameProblem, type Seat } from '../lib/seats';

/** Asks for a name (and whether to play or watch) before taking a seat in a room. */
export function JoinRoomForm({
  code,
  onJoined,
}: {
  code: RoomCode;
  onJoined: (seat: Seat) => void;
}) {
  const [name, setName] = useState(loadName);
  const [color, setColor] = useState(loadColor);
  const [role, setRole] = useState<Role>('player');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; missing: boolean } | null>(null);

  useEffect(() => {
    document.title = `Join room ${code} · Scrawl`;
  }, [code]);

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    void join();
  }

  async function join() {
    const problem = nameProblem(name);
    if (problem) {
      setError({ message: problem, missing: false });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const seat = await joinRoom(code, { name, role, ...(color ? { color } : {}) });
      saveName(seat.name);
      saveColor(seat.color);
      onJoined(seat);
    } catch (caught) {
      const missing = caught instanceof ApiError && caught.code === 'not_found';
      setError({ message: describeError(caught), missing });
      setBusy(false);
    }
  }

  return (
    <main className="home">
      <header className="home-header">
        <Link href="/" className="brand brand--large">
          Scrawl
        </Link>
        <h1 className="tagline">
          Join room <span className="code">{code}</span>
        </h1>
      </header>
      <form className="card" onSubmit={onSubmit}>
        <NameField value={name} onChange={setName} autoFocus />
        <ColorField value={color} onChange={setColor} />
        <fieldset className="segmented">
          <legend className="label">Join as</legend>
          {(['player', 'spectator'] as const).map((option) => (
            <label key={option} className="segmented-option">
              <input
                type="radio"
                name="role"
                className="visually-hidden"
                data-testid={`join-as-${option}`}
                checked={role === option}
                onChange={() => {
                  setRole(option);
                }}
              />
              <span>{option === 'player' ? 'Player' : 'Spectator'}</span>
            </label>
          ))}
        </fieldset>
        <p className="field-hint">
          {role === 'player'
            ? 'Draw and guess with the others.'
            : 'Watch the game without playing; you see each word once its turn is over.'}
        </p>
        <button
          type="submit"
          className="button button--primary button--wide"
          data-testid="join-room"
          disabled={busy}
        >
          {busy ? 'Joining…' : role === 'player' ? 'Join the room' : 'Watch the room'}
        </button>
        {error && (
          <p className="form-error" role="alert">
            {error.message} {error.missing && <Link href="/">Create a new room instead.</Link>}
          </p>
        )}
      </form>
    </main>
  );
}
