import { useEffect, useId, useState } from 'react';
import type { PublicRoomsResponse, RoomCode } from '@scrawl/protocol';
import { describeError, listPublicRooms } from '../lib/api';

/** The list refreshes this often while the start page is open. */
const REFRESH_MS = 5000;

const PHASE_NAMES: Record<string, string> = {
  lobby: 'in the lobby',
  choosing: 'playing',
  drawing: 'playing',
  turnEnd: 'playing',
  gameEnd: 'just finished',
};

type Rooms = PublicRoomsResponse['rooms'];

/** Public rooms with players in them, busiest first, refreshed while the page is open. */
export function PublicRooms({
  onJoin,
  disabled,
}: {
  onJoin: (code: RoomCode) => void;
  disabled: boolean;
}) {
  const [rooms, setRooms] = useState<Rooms | null>(null);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();

  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = () => {
      listPublicRooms().then(
        (response) => {
          if (!alive) return;
          setRooms(response.rooms);
          setError(null);
        },
        (caught: unknown) => {
          if (alive) setError(describeError(caught));
        },
      );
      timer = setTimeout(load, REFRESH_MS);
    };
    load();
    return () => {
      alive = false;
      if (timer) clearTimeout(timer);
    };
  }, []);

  return (
    <section className="card public-rooms" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        Public rooms
      </h2>
      {error && <p className="field-hint">{error}</p>}
      {rooms === null && !error && <p className="field-hint">Looking for rooms…</p>}
      {rooms?.length === 0 && (
        <p className="field-hint">No public rooms right now. Create one and invite friends!</p>
      )}
      {rooms && rooms.length > 0 && (
        <ul className="room-list" data-testid="public-rooms" aria-live="polite">
          {rooms.map((room) => (
            <li key={room.code} className="room-item" data-testid="public-room">
              <span className="code">{room.code}</span>
              <span className="room-item-info">
                {room.players} {room.players === 1 ? 'player' : 'players'},{' '}
                {PHASE_NAMES[room.phase] ?? room.phase}
              </span>
              <button
                type="button"
                className="button button--small"
                disabled={disabled}
                onClick={() => {
                  onJoin(room.code);
                }}
              >
                Join
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
