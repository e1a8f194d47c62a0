import { memo } from 'react';
import type { LogEntry } from './chatLog';

/** One line of the chat log, styled by what it is. */
export const LogLine = memo(function LogLine({ entry }: { entry: LogEntry }) {
  switch (entry.kind) {
    case 'public': {
      const { line } = entry;
      if (line.kind === 'system') {
        return <li className="chat-line chat-line--system">{line.text}</li>;
      }
      if (line.kind === 'solved') {
        return (
          <li className="chat-line chat-line--solved" data-testid="solved-line">
            {line.text}
          </li>
        );
      }
      return (
        <li className="chat-line">
          <span className="chat-name">{line.name ?? 'Someone'}</span> {line.text}
        </li>
      );
    }
    case 'private':
      return (
        <li className="chat-line chat-line--private">
          <span className="chat-name">{entry.line.name ?? 'Someone'}</span> {entry.line.text}
          <span className="visually-hidden"> (seen only by the drawer and solvers)</span>
        </li>
      );
    case 'close':
      return (
        <li className="chat-line chat-line--close" data-testid="close-note">
          {entry.text}
        </li>
      );
    case 'correct':
      return (
        <li className="chat-line chat-line--correct" data-testid="correct-note">
          You guessed it: <strong>{entry.word}</strong> (+{entry.points} points)
        </li>
      );
  }
});
