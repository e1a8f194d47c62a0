import { useState } from 'react';
import type { ReplaySummary, RoomCode } from '@scrawl/protocol';
import { describeError } from '../lib/api';
import { fileSlug } from '../lib/download';
import { Link } from '../lib/Link';
import { replayPath } from '../lib/routes';
import { Icon } from '../ui/Icon';
import { DrawingThumb } from './DrawingThumb';
import { exportPng, exportSvg } from './exportDrawing';
import { useFinalDrawing } from './useFinalDrawing';

/**
 * One finished turn in the album: its final drawing, the word, who drew it, a link to its
 * replay, and downloads as PNG and SVG.
 */
export function AlbumCard({
  code,
  turn,
  newTab,
}: {
  code: RoomCode;
  turn: ReplaySummary;
  /** Open replays in a new tab (from inside a live room, which the player keeps). */
  newTab: boolean;
}) {
  const load = useFinalDrawing(code, turn.canvasRound, turn.hasReplay);
  const [problem, setProblem] = useState<string | null>(null);
  const name = `scrawl-${code}-${String(turn.canvasRound)}-${fileSlug(turn.word)}`;
  const label = `${turn.drawerName}’s drawing of “${turn.word}”`;
  const replay = replayPath(code, turn.canvasRound);
  const target = newTab ? { target: '_blank', rel: 'noopener' } : {};
  return (
    <li className="album-card" data-testid="album-card" data-canvas-round={turn.canvasRound}>
      <Link href={replay} className="album-thumb-link" tabIndex={-1} aria-hidden="true" {...target}>
        {load.kind === 'ready' ? (
          <DrawingThumb strokes={load.drawing.rendered} label={label} />
        ) : (
          <span className="album-thumb album-thumb--empty">
            {!turn.hasReplay
              ? 'Saving the drawing…'
              : load.kind === 'failed'
                ? describeError(load.error)
                : 'Loading…'}
          </span>
        )}
      </Link>
      <div className="album-meta">
        <span className="album-word" data-testid="album-word">
          {turn.word}
        </span>
        <span className="album-drawer" data-testid="album-drawer">
          drawn by {turn.drawerName}
        </span>
      </div>
      <div className="button-row album-actions">
        <Link href={replay} className="button button--small" data-testid="album-replay" {...target}>
          <Icon name="play" /> Replay
        </Link>
        <button
          type="button"
          className="button button--small"
          data-testid="export-png"
          disabled={load.kind !== 'ready'}
          aria-label={`Download ${label} as PNG`}
          onClick={() => {
            if (load.kind !== 'ready') return;
            exportPng(load.drawing, `${name}.png`).catch((error: unknown) => {
              setProblem(error instanceof Error ? error.message : String(error));
            });
          }}
        >
          <Icon name="download" /> PNG
        </button>
        <button
          type="button"
          className="button button--small"
          data-testid="export-svg"
          disabled={load.kind !== 'ready'}
          aria-label={`Download ${label} as SVG`}
          onClick={() => {
            if (load.kind === 'ready') exportSvg(load.drawing, `${name}.svg`);
          }}
        >
          <Icon name="download" /> SVG
        </button>
      </div>
      {problem && (
        <p className="form-error" role="alert">
          The PNG could not be made: {problem}
        </p>
      )}
    </li>
  );
}
