import { useEffect, useMemo, useState } from 'react';
import { Board } from '../board/Board';
import { DEFAULT_TOOLS, type ToolState } from '../board/tools';
import { Toolbar } from '../board/Toolbar';
import { ChatPanel } from '../chat/ChatPanel';
import { BoardOverlay } from '../game/BoardOverlay';
import { GameBar } from '../game/GameBar';
import { turnView } from '../game/turnView';
import { Link } from '../lib/Link';
import { albumPath } from '../lib/routes';
import type { Seat } from '../lib/seats';
import { useStore } from '../lib/useStore';
import { LobbyPanel } from '../lobby/LobbyPanel';
import { ThemeToggle } from '../ui/ThemeToggle';
import { VoicePanel } from '../voice/VoicePanel';
import { ConnectionBanner } from './ConnectionBanner';
import { PlayerList } from './PlayerList';
import { useRoomSession } from './useRoomSession';
import { useTestHooks } from './useTestHooks';

/** The room: the game bar, the board with its tools, the lobby, the players and the chat. */
export function RoomView({ seat, onRejoin }: { seat: Seat; onRejoin: () => void }) {
  const session = useRoomSession(seat);
  const game = useStore(session.gameState);
  const whispers = useStore(session.whispers);
  const canvas = useStore(session.canvas);
  const access = useStore(canvas.access);
  const present = useStore(session.players);
  const [tools, setTools] = useState<ToolState>(DEFAULT_TOOLS);
  const turn = useMemo(() => turnView(game, whispers, session.self), [game, whispers, session]);
  useTestHooks(session);

  useEffect(() => {
    document.title = `Room ${seat.code} · Scrawl`;
  }, [seat.code]);

  const phase = game?.phase ?? 'lobby';
  const canDraw = access === 'write' && (phase === 'lobby' || phase === 'drawing');
  const hostName =
    game?.scoreboard.find((entry) => entry.id === game.hostId)?.name ??
    present.find((player) => player.id === game?.hostId)?.name ??
    null;
  const playerCount = present.filter((player) => player.role === 'player').length;

  return (
    <div className="room" data-phase={phase}>
      <header className="room-header">
        <Link href="/" className="brand">
          Scrawl
        </Link>
        <h1 className="room-title">
          <span className="visually-hidden">Room </span>
          <span className="code" data-testid="room-code">
            {seat.code}
          </span>
        </h1>
        {seat.role === 'spectator' && <span className="tag tag--neutral">watching</span>}
        <span className="header-spacer" />
        <Link
          href={albumPath(seat.code)}
          className="button button--small"
          target="_blank"
          rel="noopener"
          data-testid="open-album"
        >
          Album
        </Link>
        <ConnectionBanner session={session} onRejoin={onRejoin} />
        <ThemeToggle />
      </header>
      <main className="room-main">
        <section className="stage" aria-label="Game">
          <GameBar game={game} turn={turn} clock={session.clock} hostName={hostName} />
          <Board
            canvas={canvas}
            self={session.self.id}
            tools={tools}
            canDraw={canDraw}
            cursorsOf={canvas.round > 0 ? (game?.drawerIds ?? []) : null}
          >
            <BoardOverlay
              code={seat.code}
              game={game}
              turn={turn}
              clock={session.clock}
              hostName={hostName}
              onChoose={(index) => {
                session.send({ type: 'word/choose', index });
              }}
              onPlayAgain={() => {
                session.send({ type: 'game/start' });
              }}
            />
          </Board>
          {access === 'write' && phase !== 'turnEnd' && phase !== 'gameEnd' && (
            <Toolbar
              canvas={canvas}
              self={session.self.id}
              tools={tools}
              onChange={setTools}
              enabled={canDraw}
            />
          )}
        </section>
        <div className="people">
          {phase === 'lobby' && (
            <LobbyPanel session={session} game={game} playerCount={playerCount} />
          )}
          <PlayerList session={session} />
          <VoicePanel session={session} />
        </div>
        <ChatPanel session={session} turn={turn} />
      </main>
    </div>
  );
}
