import type { GameState, RoomCode } from '@scrawl/protocol';
import { GameAlbum } from '../album/GameAlbum';
import type { ServerClock } from '../lib/serverClock';
import { Countdown } from '../ui/Countdown';
import { Overlay } from '../ui/Overlay';

/**
 * The end of the game: final places (ties share one), for the host "Play again", and the
 * game's drawings (the album) with their replays and downloads.
 */
export function Podium({
  code,
  game,
  clock,
  isHost,
  hostName,
  onPlayAgain,
}: {
  code: RoomCode;
  game: GameState;
  clock: ServerClock;
  isHost: boolean;
  hostName: string | null;
  onPlayAgain: () => void;
}) {
  return (
    <Overlay title="Game over!" testId="podium">
      <ol className="podium">
        {game.podium.map((entry) => (
          <li
            key={entry.id}
            className={`podium-place podium-place--${String(Math.min(entry.place, 4))}`}
            data-testid="podium-place"
            data-place={entry.place}
          >
            <span className="podium-medal" aria-hidden="true">
              {entry.place}
            </span>
            <span className="visually-hidden">Place {entry.place}:</span>
            <span className="podium-name">{entry.name}</span>
            <span className="podium-score">{entry.score} points</span>
          </li>
        ))}
      </ol>
      {isHost ? (
        <button
          type="button"
          className="button button--primary button--large"
          data-testid="play-again"
          onClick={onPlayAgain}
        >
          Play again
        </button>
      ) : (
        <p className="overlay-note">Waiting for {hostName ?? 'the host'} to start a new game.</p>
      )}
      {game.deadline !== null && (
        <p className="overlay-note">
          Back to the lobby in{' '}
          <Countdown clock={clock} deadline={game.deadline} label="Back to the lobby" />
        </p>
      )}
      {game.gameId !== null && (
        <GameAlbum code={code} gameId={game.gameId} lastRound={game.canvasRound} />
      )}
    </Overlay>
  );
}
