import type { GameState } from '@scrawl/protocol';
import type { ServerClock } from '../lib/serverClock';
import { Countdown } from '../ui/Countdown';
import { HintWord } from './HintWord';
import type { TurnView } from './turnView';

function roundLabel(game: GameState): string {
  return `Round ${String(game.round)} of ${String(game.settings.rounds)}`;
}

/** What the bar says beside the word, by phase. */
function status(game: GameState | null, turn: TurnView, hostName: string | null): string {
  if (!game) return 'Opening the room…';
  const drawers = turn.drawerNames.join(' and ');
  switch (game.phase) {
    case 'lobby':
      if (turn.isHost) return 'Draw together while others arrive, then start the game.';
      return `Waiting for ${hostName ?? 'the host'} to start the game.`;
    case 'choosing':
      return turn.isDrawer ? 'Choose a word to draw.' : `${drawers} is choosing a word…`;
    case 'drawing':
      if (turn.isDrawer) return 'Draw this:';
      if (turn.solved) return 'You guessed it!';
      return turn.isSpectator ? `${drawers} is drawing.` : `${drawers} is drawing. Guess the word!`;
    case 'turnEnd':
      return 'The word was';
    case 'gameEnd':
      return 'Game over! Back to the lobby in';
  }
}

/**
 * The bar above the board: round, what is happening, the word (as the hint, or whole for the
 * drawer and solvers) and the time left, counted on the server's clock.
 */
export function GameBar({
  game,
  turn,
  clock,
  hostName,
}: {
  game: GameState | null;
  turn: TurnView;
  clock: ServerClock;
  hostName: string | null;
}) {
  const hint = game?.phase === 'drawing' && turn.word === null ? game.hint : null;
  const deadline = game?.phase === 'lobby' ? null : (game?.deadline ?? null);
  return (
    <div className="game-bar" data-testid="game-bar" data-phase={game?.phase ?? 'none'}>
      <div className="game-bar-round">{game && game.round > 0 ? roundLabel(game) : 'Lobby'}</div>
      <div className="game-bar-word">
        <span className="game-bar-status" data-testid="game-status">
          {status(game, turn, hostName)}
        </span>
        {turn.word !== null && (
          <span className="word-known" data-testid="known-word" aria-live="polite">
            {turn.word}
          </span>
        )}
        {hint && <HintWord slots={hint} />}
      </div>
      <div className="game-bar-timer">
        <Countdown clock={clock} deadline={deadline} label="Time left" />
      </div>
    </div>
  );
}
