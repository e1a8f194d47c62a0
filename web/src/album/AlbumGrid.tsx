import type { ReplaySummary, RoomCode } from '@scrawl/protocol';
import { AlbumCard } from './AlbumCard';

/** Finished turns as cards, in the order given. */
export function AlbumGrid({
  code,
  turns,
  compact = false,
}: {
  code: RoomCode;
  turns: readonly ReplaySummary[];
  /** Small cards whose links open new tabs: the podium's, inside the live room. */
  compact?: boolean;
}) {
  return (
    <ol className={`album-grid${compact ? ' album-grid--compact' : ''}`} data-testid="album-grid">
      {turns.map((turn) => (
        <AlbumCard key={turn.canvasRound} code={code} turn={turn} newTab={compact} />
      ))}
    </ol>
  );
}
