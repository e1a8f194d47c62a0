import { useEffect, useState } from 'react';
import type { RoomCode } from '@scrawl/protocol';
import { createRoom, describeError, joinRoom } from '../lib/api';
import { loadColor, loadName, saveColor, saveName } from '../lib/prefs';
import { roomPath } from '../lib/routes';
import { loadSeat, nameProblem, saveSeat } from '../lib/seats';
import { navigate } from '../lib/useRoute';
import { rememberCreatorChoice } from '../lobby/useCreatorChoice';
import { ThemeToggle } from '../ui/ThemeToggle';
import { ColorField } from './ColorField';
import { CreateRoomForm } from './CreateRoomForm';
import { JoinByCodeForm } from './JoinByCodeForm';
import { NameField } from './NameField';
import { PublicRooms } from './PublicRooms';

type Busy = 'idle' | 'creating' | 'joining';

/**
 * The start page: your name and colour (remembered), then create a room, join one by its
 * code or invite link, or pick a public room.
 */
export function HomePage() {
  const [name, setName] = useState(loadName);
  const [color, setColor] = useState(loadColor);
  const [busy, setBusy] = useState<Busy>('idle');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.title = 'Scrawl';
  }, []);

  /** Takes a seat in the room (or reuses the stored one) and opens its page. */
  async function enter(code: RoomCode): Promise<void> {
    if (!loadSeat(code)) {
      const seat = await joinRoom(code, { name, ...(color ? { color } : {}) });
      saveSeat(seat);
      saveColor(seat.color);
    }
    saveName(name.trim());
    navigate(roomPath(code));
  }

  async function run(kind: Busy, action: () => Promise<void>) {
    const problem = nameProblem(name);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(kind);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(describeError(caught));
      setBusy('idle');
    }
  }

  return (
    <main className="home">
      <header className="home-header">
        <h1 className="brand brand--large">Scrawl</h1>
        <p className="tagline">Draw together, guess together.</p>
        <div className="home-theme">
          <ThemeToggle />
        </div>
      </header>
      <div className="home-columns">
        <div className="card">
          <NameField value={name} onChange={setName} autoFocus={name === ''} />
          <ColorField
            value={color}
            onChange={(next) => {
              setColor(next);
              saveColor(next);
            }}
          />
          <CreateRoomForm
            busy={busy === 'creating'}
            disabled={busy !== 'idle'}
            onCreate={(isPublic) => {
              void run('creating', async () => {
                const room = await createRoom({ public: isPublic });
                rememberCreatorChoice(room.code, isPublic);
                await enter(room.code);
              });
            }}
          />
          <div className="divider" role="presentation">
            or
          </div>
          <JoinByCodeForm
            busy={busy === 'joining'}
            disabled={busy !== 'idle'}
            onJoin={(code) => {
              void run('joining', () => enter(code));
            }}
            onInvalid={setError}
          />
          {error && (
            <p className="form-error" role="alert" data-testid="home-error">
              {error}
            </p>
          )}
        </div>
        <PublicRooms
          disabled={busy !== 'idle'}
          onJoin={(code) => {
            void run('joining', () => enter(code));
          }}
        />
      </div>
    </main>
  );
}
