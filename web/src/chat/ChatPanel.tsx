import { useEffect, useId, useMemo, useRef, useState, type SubmitEvent } from 'react';
import { MAX_CHAT_LENGTH } from '@scrawl/protocol';
import type { TurnView } from '../game/turnView';
import { useStore } from '../lib/useStore';
import type { RoomSession } from '../room/RoomSession';
import { Panel } from '../ui/Panel';
import { mergeLog } from './chatLog';
import { LogLine } from './LogLine';
import { Notices } from './Notices';
import { useFocusKey } from './useFocusKey';

/** How close to the bottom (CSS px) still counts as "reading the latest lines". */
const STICK_DISTANCE = 32;

/** What the input is for now, and how it invites typing. */
function inputMode(
  turn: TurnView,
  ready: boolean,
  online: boolean,
): { label: string; placeholder: string } {
  if (turn.isSpectator) return { label: 'Message', placeholder: 'Spectators watch quietly' };
  if (!ready) return { label: 'Message', placeholder: 'Opening the room…' };
  // A line typed offline would be lost: stateless messages are not kept for later.
  if (!online) return { label: 'Message', placeholder: 'Reconnecting…' };
  if (turn.guessing) return { label: 'Your guess', placeholder: 'Type your guess here…' };
  if (turn.solved) return { label: 'Message', placeholder: 'Chat with the drawer and solvers…' };
  return { label: 'Message', placeholder: 'Say something…' };
}

/**
 * The room's chat and the guess box: public and system lines, this player's private lines
 * (close guesses, their correct guess, solvers' chat), notices, and a line to type. While a
 * turn is drawn, what a guesser types is a guess.
 */
export function ChatPanel({ session, turn }: { session: RoomSession; turn: TurnView }) {
  const lines = useStore(session.chat);
  const whispers = useStore(session.whispers);
  // The referee writes the game state when it takes the room; until then nobody would
  // receive a message, so the input waits for it.
  const ready = useStore(session.gameState) !== null;
  const online = useStore(session.connection).kind === 'connected';
  const log = useMemo(() => mergeLog(lines, whispers.log), [lines, whispers.log]);
  const [draft, setDraft] = useState('');
  const list = useRef<HTMLOListElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const stick = useRef(true);
  const inputId = useId();
  const mode = inputMode(turn, ready, online);
  const disabled = turn.isSpectator || !ready || !online;
  useFocusKey(input, !disabled);

  useEffect(() => {
    const element = list.current;
    if (element && stick.current) element.scrollTop = element.scrollHeight;
  }, [log]);

  function onScroll() {
    const element = list.current;
    if (!element) return;
    stick.current =
      element.scrollHeight - element.scrollTop - element.clientHeight <= STICK_DISTANCE;
  }

  function send(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return;
    session.send({ type: turn.guessing ? 'guess/send' : 'chat/send', text });
    setDraft('');
    stick.current = true;
  }

  return (
    <Panel title="Chat" className="chat">
      <ol
        ref={list}
        className="chat-log"
        data-testid="chat-log"
        aria-live="polite"
        aria-label="Chat messages"
        onScroll={onScroll}
        tabIndex={0}
      >
        {log.map((entry) => (
          <LogLine key={entry.id} entry={entry} />
        ))}
      </ol>
      <Notices
        notices={whispers.notices}
        onDismiss={(id) => {
          session.dismissNotice(id);
        }}
      />
      <form className="chat-form" onSubmit={send}>
        <label htmlFor={inputId} className="visually-hidden">
          {mode.label}
        </label>
        <input
          ref={input}
          id={inputId}
          className={`input${turn.guessing ? ' input--guess' : ''}`}
          data-testid="chat-input"
          data-mode={turn.guessing ? 'guess' : 'chat'}
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
          }}
          maxLength={MAX_CHAT_LENGTH}
          autoComplete="off"
          enterKeyHint="send"
          placeholder={mode.placeholder}
          disabled={disabled}
          aria-keyshortcuts="Enter"
        />
        <button
          type="submit"
          className="button"
          data-testid="chat-send"
          disabled={disabled || draft.trim() === ''}
        >
          {turn.guessing ? 'Guess' : 'Send'}
        </button>
      </form>
    </Panel>
  );
}
