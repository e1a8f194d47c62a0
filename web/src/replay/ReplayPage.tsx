import { useEffect } from 'react';
import type { RoomCode } from '@scrawl/protocol';
import { describeError } from '../lib/api';
import { Link } from '../lib/Link';
import { albumPath, roomPath } from '../lib/routes';
import { ThemeToggle } from '../ui/ThemeToggle';
import { ReplayViewer } from './ReplayViewer';
import { isForbidden, useReplay, type ReplayLoad } from './useReplay';

function Problem({ code, load }: { code: RoomCode; load: ReplayLoad }) {
  if (load.kind === 'loading') {
    return (
      <p className="page-message" role="status">
        Loading the replay…
      </p>
    );
  }
  if (load.kind === 'empty') {
    return (
      <p className="page-message" data-testid="replay-problem">
        Nothing was drawn in this turn: it ended before {load.detail.turn.drawerName} started.
      </p>
    );
  }
  if (load.kind !== 'failed') return null;
  return (
    <div className="page-message" role="alert" data-testid="replay-problem">
      <p>{describeError(load.error)}</p>
      {isForbidden(load.error) && (
        <p>
          Have an invite? <Link href={roomPath(code)}>Join room {code}</Link> to watch its replays.
        </p>
      )}
    </div>
  );
}

/**
 * `/r/<CODE>/replay/<canvasRound>[?t=<seconds>]`: the replay of a finished turn, open to
 * anyone with the link for a public room, and to its players for a private one.
 */
export function ReplayPage({
  code,
  canvasRound,
  startAt,
}: {
  code: RoomCode;
  canvasRound: number;
  startAt: number;
}) {
  const load = useReplay(code, canvasRound);
  const word = load.kind === 'ready' ? load.detail.turn.word : null;

  useEffect(() => {
    document.title = `${word ? `“${word}”` : 'Replay'} · Room ${code} · Scrawl`;
  }, [code, word]);

  return (
    <div className="room replay-page" data-testid="replay-page" data-state={load.kind}>
      <header className="room-header">
        <Link href="/" className="brand">
          Scrawl
        </Link>
        <h1 className="room-title">
          Replay · <span className="code">{code}</span>
        </h1>
        <span className="header-spacer" />
        <nav className="header-links" aria-label="Room">
          <Link href={albumPath(code)} className="button button--small" data-testid="to-album">
            Album
          </Link>
          <Link href={roomPath(code)} className="button button--small">
            Room
          </Link>
        </nav>
        <ThemeToggle />
      </header>
      {load.kind === 'ready' ? (
        <ReplayViewer code={code} detail={load.detail} drawing={load.drawing} startAt={startAt} />
      ) : (
        <Problem code={code} load={load} />
      )}
    </div>
  );
}
