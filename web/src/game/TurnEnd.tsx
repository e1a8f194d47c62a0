import type { GameState, RoomCode } from '@scrawl/protocol';
import { Link } from '../lib/Link';
import { replayPath } from '../lib/routes';
import type { ServerClock } from '../lib/serverClock';
import { Countdown } from '../ui/Countdown';
import { Overlay } from '../ui/Overlay';
import { PlayerDot } from '../ui/PlayerDot';

/**
 * The end of a turn: the word, who gained how many points (best first), and a link to the
 * turn's replay (a new tab, so the game goes on here).
 */
export function TurnEnd({
  code,
  game,
  clock,
}: {
  code: RoomCode;
  game: GameState;
  clock: ServerClock;
}) {
  const gains = [...game.scoreboard].sort((a, b) => b.gained - a.gained);
  return (
    <Overlay
      testId="turn-end"
      title={
        <>
          The word was <span data-testid="revealed-word">{game.word ?? '…'}</span>
        </>
      }
    >
      <ul className="gain-list">
        {gains.map((entry) => (
          <li key={entry.id} className="gain" data-testid="gain" data-player-id={entry.id}>
            <PlayerDot color={entry.color} />
            <span className="gain-name">{entry.name}</span>
            <span className={entry.gained > 0 ? 'gain-points gain-points--up' : 'gain-points'}>
              {entry.gained > 0 ? `+${String(entry.gained)}` : '0'}
            </span>
          </li>
        ))}
      </ul>
      <Link
        href={replayPath(code, game.canvasRound)}
        target="_blank"
        rel="noopener"
        className="overlay-link"
        data-testid="turn-replay"
      >
        Watch how it was drawn
      </Link>
      <p className="overlay-note">
        Next turn in <Countdown clock={clock} deadline={game.deadline} label="Next turn" />
      </p>
    </Overlay>
  );
}
