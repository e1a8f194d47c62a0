import type { RoomCode } from '@scrawl/protocol';
import { replayPath } from '../lib/routes';
import { useStore } from '../lib/useStore';
import { CopyLinkButton } from '../room/CopyLinkButton';
import { Icon } from '../ui/Icon';
import type { ReplayPlayer } from './ReplayPlayer';
import { ScrubBar } from './ScrubBar';
import { SpeedPicker } from './SpeedPicker';
import { formatTime, type Marker } from './timeline';

/**
 * Under the board: play and pause, step stroke by stroke, the time, the scrub bar with its
 * marks, the speed, and the link to this moment of the round.
 */
export function ReplayControls({
  player,
  marks,
  code,
  canvasRound,
}: {
  player: ReplayPlayer;
  marks: readonly Marker[];
  code: RoomCode;
  canvasRound: number;
}) {
  const { t, playing, speed } = useStore(player.playback);
  const share = `${window.location.origin}${replayPath(code, canvasRound, t / 1000)}`;
  return (
    <div className="replay-controls" role="group" aria-label="Replay controls">
      <div className="replay-transport">
        <button
          type="button"
          className="button button--small button--icon"
          data-testid="replay-step-back"
          title="Previous stroke (Shift+←)"
          aria-label="Previous stroke"
          aria-keyshortcuts="Shift+ArrowLeft"
          onClick={() => {
            player.step(-1);
          }}
        >
          <Icon name="stepBack" />
        </button>
        <button
          type="button"
          className="button button--primary button--icon replay-play"
          data-testid="replay-play"
          data-playing={playing}
          title={playing ? 'Pause (Space)' : 'Play (Space)'}
          aria-label={playing ? 'Pause' : 'Play'}
          aria-keyshortcuts="Space"
          onClick={() => {
            player.toggle();
          }}
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <button
          type="button"
          className="button button--small button--icon"
          data-testid="replay-step-forward"
          title="Next stroke (Shift+→)"
          aria-label="Next stroke"
          aria-keyshortcuts="Shift+ArrowRight"
          onClick={() => {
            player.step(1);
          }}
        >
          <Icon name="stepForward" />
        </button>
        <span className="replay-time" data-testid="replay-time" data-t={Math.round(t)}>
          {formatTime(t)} / {formatTime(player.duration)}
        </span>
      </div>
      <ScrubBar
        t={t}
        duration={player.duration}
        marks={marks}
        onSeek={(next) => {
          player.seek(next);
        }}
      />
      <div className="replay-options">
        <SpeedPicker
          speed={speed}
          onChange={(next) => {
            player.setSpeed(next);
          }}
        />
        <div className="replay-share">
          <span className="replay-share-label">Link to {formatTime(t)}</span>
          <input
            className="input input--link"
            data-testid="replay-share-link"
            aria-label={`Link to this round at ${formatTime(t)}`}
            value={share}
            readOnly
            onFocus={(event) => {
              event.target.select();
            }}
          />
          <CopyLinkButton url={share} testId="copy-share" />
        </div>
      </div>
    </div>
  );
}
