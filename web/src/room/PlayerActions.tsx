import { useId, useRef, useState } from 'react';
import { MAX_REPORT_LENGTH, type ClientRpc, type PlayerId } from '@scrawl/protocol';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Icon } from '../ui/Icon';

/**
 * What a player can do about another: vote to remove them (a majority of the others
 * removes), remove them outright (the host), or report them to the operators.
 */
export function PlayerActions({
  target,
  isHost,
  send,
}: {
  target: { readonly id: PlayerId; readonly name: string };
  isHost: boolean;
  send: (message: ClientRpc) => void;
}) {
  const menu = useRef<HTMLDetailsElement>(null);
  const [asking, setAsking] = useState<'kick' | 'report' | null>(null);
  const [reason, setReason] = useState('');
  const reasonId = useId();

  function act(kind: 'voteKick' | 'kick' | 'report') {
    if (menu.current) menu.current.open = false;
    if (kind === 'voteKick') send({ type: 'player/voteKick', playerId: target.id });
    else setAsking(kind);
  }

  function confirm() {
    if (asking === 'kick') send({ type: 'player/kick', playerId: target.id });
    if (asking === 'report' && reason.trim() !== '') {
      send({ type: 'player/report', playerId: target.id, reason: reason.trim() });
    }
    setAsking(null);
    setReason('');
  }

  return (
    <>
      <details ref={menu} className="player-menu">
        <summary className="player-menu-button" aria-label={`Actions for ${target.name}`}>
          <Icon name="more" />
        </summary>
        <div className="player-menu-list">
          <button
            type="button"
            onClick={() => {
              act('voteKick');
            }}
          >
            Vote to kick
          </button>
          {isHost && (
            <button
              type="button"
              onClick={() => {
                act('kick');
              }}
            >
              Kick
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              act('report');
            }}
          >
            Report…
          </button>
        </div>
      </details>
      {asking !== null && (
        <ConfirmDialog
          open
          title={asking === 'kick' ? `Kick ${target.name}?` : `Report ${target.name}`}
          confirmLabel={asking === 'kick' ? 'Kick' : 'Send report'}
          onCancel={() => {
            setAsking(null);
          }}
          onConfirm={confirm}
        >
          {asking === 'kick' ? (
            <p>They leave the room and cannot come back for 10 minutes.</p>
          ) : (
            <div className="field">
              <label htmlFor={reasonId} className="label">
                What happened?
              </label>
              <textarea
                id={reasonId}
                className="input input--area"
                maxLength={MAX_REPORT_LENGTH}
                value={reason}
                onChange={(event) => {
                  setReason(event.target.value);
                }}
              />
            </div>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}
