import { useEffect, useMemo, useState } from 'react';
import type { ReplayDetailResponse, RoomCode } from '@scrawl/protocol';
import type { Drawing } from './replayCache';
import { ReplayBoard } from './ReplayBoard';
import { ReplayControls } from './ReplayControls';
import { ReplayLog } from './ReplayLog';
import { ReplayPlayer } from './ReplayPlayer';
import { useReplayTestHooks } from './useReplayTestHooks';
import { logEvents, markers, replayWindow } from './timeline';
import { useReplayKeys } from './useReplayKeys';

/** The replay of one turn: the board at the chosen time, the controls, the log in time. */
export function ReplayViewer({
  code,
  detail,
  drawing,
  startAt,
}: {
  code: RoomCode;
  detail: ReplayDetailResponse;
  drawing: Drawing;
  /** Seconds from the start to open at. */
  startAt: number;
}) {
  const { turn, events } = detail;
  const [player] = useState(
    () =>
      new ReplayPlayer(
        drawing.replay,
        replayWindow(turn, drawing.replay),
        drawing.strokes,
        startAt * 1000,
      ),
  );
  useEffect(
    () => () => {
      player.dispose();
    },
    [player],
  );
  useReplayKeys(player);
  useReplayTestHooks(player);
  const marks = useMemo(() => markers(events, player.window), [events, player]);
  const log = useMemo(() => logEvents(events), [events]);

  return (
    <main className="replay-main">
      <section className="stage" aria-label="Replay">
        <div className="game-bar replay-bar" data-testid="replay-bar">
          <div className="game-bar-round">Round {turn.round}</div>
          <div className="game-bar-word">
            <span className="game-bar-status">{turn.drawerName} drew</span>
            <span className="word-known" data-testid="replay-word">
              {turn.word}
            </span>
          </div>
          <div className="game-bar-timer" />
        </div>
        <ReplayBoard player={player} label={`${turn.drawerName}’s drawing of “${turn.word}”`} />
        <ReplayControls player={player} marks={marks} code={code} canvasRound={turn.canvasRound} />
      </section>
      <ReplayLog player={player} events={log} />
    </main>
  );
}
