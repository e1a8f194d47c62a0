import { useEffect, useMemo, useRef } from 'react';
import type { ReplayEvent } from '@scrawl/protocol';
import { useStore } from '../lib/useStore';
import { Panel } from '../ui/Panel';
import type { ReplayPlayer } from './ReplayPlayer';
import { eventsUpTo, formatTime } from './timeline';

function hintText(hint: readonly (string | null)[]): string {
  return hint.map((slot) => (slot === null ? '_' : slot)).join(' ');
}

function EventLine({ event, t, onSeek }: { event: ReplayEvent; t: number; onSeek: () => void }) {
  const time = (
    <button
      type="button"
      className="replay-event-time"
      title="Jump here"
      aria-label={`Jump to ${formatTime(t)}`}
      onClick={onSeek}
    >
      {formatTime(t)}
    </button>
  );
  switch (event.kind) {
    case 'hint':
      return (
        <li className="chat-line chat-line--system" data-testid="replay-event" data-kind="hint">
          {time} Hint: <span className="replay-hint">{hintText(event.hint)}</span>
        </li>
      );
    case 'chat':
      return (
        <li className="chat-line chat-line--system" data-testid="replay-event" data-kind="chat">
          {time} {event.line.text}
        </li>
      );
    case 'guess':
      if (event.verdict === 'correct') {
        return (
          <li
            className="chat-line chat-line--solved"
            data-testid="replay-event"
            data-kind="correct"
          >
            {time} {event.name} guessed it: <strong>{event.text}</strong> (+{event.points})
          </li>
        );
      }
      return (
        <li
          className={`chat-line${event.verdict === 'close' ? ' chat-line--close' : ''}`}
          data-testid="replay-event"
          data-kind={event.verdict}
        >
          {time} <span className="chat-name">{event.name}</span> {event.text}
          {event.verdict === 'close' && ' (close)'}
        </li>
      );
  }
}

/**
 * The round's guesses, hints and system lines up to the replay's time, as the chat showed
 * them; each time jumps there.
 */
export function ReplayLog({
  player,
  events,
}: {
  player: ReplayPlayer;
  events: readonly ReplayEvent[];
}) {
  const { t } = useStore(player.playback);
  const { startedAt } = player.window;
  const shown = useMemo(() => eventsUpTo(events, startedAt + t), [events, startedAt, t]);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [shown.length]);
  return (
    <Panel title="Chat and guesses" count={shown.length} className="chat replay-log">
      <ol ref={list} className="chat-log" data-testid="replay-log" aria-live="polite" tabIndex={0}>
        {shown.map((event, index) => (
          <EventLine
            key={`${String(event.at)}-${String(index)}`}
            event={event}
            t={Math.max(0, event.at - startedAt)}
            onSeek={() => {
              player.seek(event.at - startedAt);
            }}
          />
        ))}
        {shown.length === 0 && <li className="chat-line chat-line--system">Nothing said yet.</li>}
      </ol>
    </Panel>
  );
}
