import { useEffect } from 'react';
import type { ReplayListResponse, RoomCode } from '@scrawl/protocol';
import { describeError } from '../lib/api';
import { Link } from '../lib/Link';
import { roomPath } from '../lib/routes';
import { isForbidden } from '../replay/useReplay';
import { ThemeToggle } from '../ui/ThemeToggle';
import { AlbumGrid } from './AlbumGrid';
import { turnsOf, useAlbum } from './useAlbum';

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const NAMES = new Intl.ListFormat('en', { type: 'conjunction' });

/** "Ana", "Ana and Ben", "Ana, Ben, and Cleo". */
function listNames(names: readonly string[]): string {
  return NAMES.format(names);
}

function Games({ code, list }: { code: RoomCode; list: ReplayListResponse }) {
  if (list.turns.length === 0) {
    return <p className="page-message">No turn of this room has finished yet.</p>;
  }
  return (
    <>
      {list.games.map((game) => {
        const turns = turnsOf(list, game.id);
        if (turns.length === 0) return null;
        const winners = game.scores.filter((score) => score.place === 1).map((s) => s.name);
        return (
          <section key={game.id} className="album-game" aria-label="A game">
            <h2 className="album-game-title">
              Game of {DATE.format(game.startedAt)}
              {winners.length > 0 && (
                <span className="album-game-winner"> · {listNames(winners)} won</span>
              )}
            </h2>
            <AlbumGrid code={code} turns={turns} />
          </section>
        );
      })}
    </>
  );
}

/** `/r/<CODE>/album`: every finished turn of a room, game by game, newest game first. */
export function AlbumPage({ code }: { code: RoomCode }) {
  const load = useAlbum(code);
  useEffect(() => {
    document.title = `Album · Room ${code} · Scrawl`;
  }, [code]);
  return (
    <div className="album-page" data-testid="album-page">
      <header className="room-header">
        <Link href="/" className="brand">
          Scrawl
        </Link>
        <h1 className="room-title">
          Album · <span className="code">{code}</span>
        </h1>
        <span className="header-spacer" />
        <Link href={roomPath(code)} className="button button--small">
          Room
        </Link>
        <ThemeToggle />
      </header>
      <main className="album-main">
        {load.kind === 'loading' && <p className="page-message">Loading the drawings…</p>}
        {load.kind === 'failed' && (
          <div className="page-message" role="alert" data-testid="album-problem">
            <p>{describeError(load.error)}</p>
            {isForbidden(load.error) && (
              <p>
                Have an invite? <Link href={roomPath(code)}>Join room {code}</Link> to see its
                drawings.
              </p>
            )}
          </div>
        )}
        {load.kind === 'ready' && <Games code={code} list={load.list} />}
      </main>
    </div>
  );
}
