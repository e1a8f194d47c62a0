import type { RoomCode } from '@scrawl/protocol';
import { describeError } from '../lib/api';
import { Link } from '../lib/Link';
import { albumPath } from '../lib/routes';
import { AlbumGrid } from './AlbumGrid';
import { turnsOf, useAlbum } from './useAlbum';

/** The drawings of the game that just ended, under the podium. */
export function GameAlbum({
  code,
  gameId,
  lastRound,
}: {
  code: RoomCode;
  gameId: string;
  lastRound: number;
}) {
  const load = useAlbum(code, { gameId, lastRound });
  return (
    <section className="game-album" aria-label="Drawings of this game" data-testid="game-album">
      <h3 className="game-album-title">
        Drawings of this game{' '}
        <Link href={albumPath(code)} target="_blank" rel="noopener">
          Open the album
        </Link>
      </h3>
      {load.kind === 'loading' && <p className="overlay-note">Collecting the drawings…</p>}
      {load.kind === 'failed' && <p className="overlay-note">{describeError(load.error)}</p>}
      {load.kind === 'ready' && (
        <AlbumGrid code={code} turns={turnsOf(load.list, gameId)} compact />
      )}
    </section>
  );
}
