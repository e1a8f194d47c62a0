import { Link } from '../lib/Link';
import { useOnline } from '../lib/useOnline';
import { useStore } from '../lib/useStore';
import type { ConnectionState } from './connectionState';
import type { RoomSession } from './RoomSession';

function describe(state: ConnectionState, online: boolean): string {
  switch (state.kind) {
    case 'connecting':
      return online ? 'Connecting…' : 'You are offline. Scrawl connects once the network is back.';
    case 'connected':
      return 'Connected';
    case 'reconnecting':
      if (!online)
        return 'You are offline. You can keep drawing; it is sent once the network is back.';
      return (
        state.message ??
        'Connection lost. Reconnecting… You can keep drawing; it is sent once you are back.'
      );
    case 'refused':
      return state.message;
  }
}

/**
 * The state of the room's connection, in words: a quiet "Connected" while all is well, a
 * banner while connecting or reconnecting, and the server's reason with a way out when it
 * refused the connection.
 */
export function ConnectionBanner({
  session,
  onRejoin,
}: {
  session: RoomSession;
  onRejoin: () => void;
}) {
  const state = useStore(session.connection);
  const online = useOnline();
  return (
    <div
      className={`connection connection--${state.kind}`}
      data-testid="connection-status"
      data-state={state.kind}
      role={state.kind === 'refused' ? 'alert' : 'status'}
    >
      <span className="connection-text">{describe(state, online)}</span>
      {state.kind === 'refused' && state.action === 'rejoin' && (
        <button type="button" className="button button--small" onClick={onRejoin}>
          Join again
        </button>
      )}
      {state.kind === 'refused' && state.action === 'reload' && (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            window.location.reload();
          }}
        >
          Reload
        </button>
      )}
      {state.kind === 'refused' && state.action === 'home' && (
        <Link href="/" className="button button--small">
          Back to the start page
        </Link>
      )}
    </div>
  );
}
