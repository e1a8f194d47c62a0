import type { GameState, RoomCode } from '@scrawl/protocol';
import type { ServerClock } from '../lib/serverClock';
import { Countdown } from '../ui/Countdown';
import { Overlay } from '../ui/Overlay';
import { Podium } from './Podium';
import { TurnEnd } from './TurnEnd';
import type { TurnView } from './turnView';
import { WordChoice } from './WordChoice';

/** What lies over the board between turns, by phase; nothing while drawing or in the lobby. */
export function BoardOverlay({
  code,
  game,
  turn,
  clock,
  hostName,
  onChoose,
  onPlayAgain,
}: {
  code: RoomCode;
  game: GameState | null;
  turn: TurnView;
  clock: ServerClock;
  hostName: string | null;
  onChoose: (index: number) => void;
  onPlayAgain: () => void;
}) {
  switch (game?.phase) {
    case 'choosing':
      return turn.isDrawer ? (
        <WordChoice
          choices={turn.secret?.choices ?? null}
          deadline={turn.secret?.choicesDeadline ?? game.deadline}
          clock={clock}
          onChoose={onChoose}
        />
      ) : (
        <Overlay testId="choosing" title={`${turn.drawerNames.join(' and ')} is choosing a word…`}>
          <Countdown clock={clock} deadline={game.deadline} label="Time to choose" />
        </Overlay>
      );
    case 'turnEnd':
      return <TurnEnd code={code} game={game} clock={clock} />;
    case 'gameEnd':
      return (
        <Podium
          code={code}
          game={game}
          clock={clock}
          isHost={turn.isHost}
          hostName={hostName}
          onPlayAgain={onPlayAgain}
        />
      );
    default:
      return null;
  }
}
