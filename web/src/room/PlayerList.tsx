import { useMemo } from 'react';
import { playerIdSchema, type ClientRpc } from '@scrawl/protocol';
import { buildRoster, type RosterEntry } from '../game/roster';
import { useStore } from '../lib/useStore';
import { Panel } from '../ui/Panel';
import { Icon } from '../ui/Icon';
import { PlayerDot } from '../ui/PlayerDot';
import { Tag } from '../ui/Tag';
import { PlayerActions } from './PlayerActions';
import type { RoomSession } from './RoomSession';

function PlayerRow({
  entry,
  self,
  isHost,
  canAct,
  voice,
  send,
}: {
  entry: RosterEntry;
  self: boolean;
  isHost: boolean;
  canAct: boolean;
  voice: 'speaking' | 'in' | null;
  send: (message: ClientRpc) => void;
}) {
  const id = playerIdSchema.safeParse(entry.id);
  return (
    <li
      className={`player${entry.connected ? '' : ' player--away'}${entry.solved ? ' player--solved' : ''}${voice === 'speaking' ? ' player--speaking' : ''}`}
      data-testid="player"
      data-player-id={entry.id}
      data-score={entry.score ?? undefined}
      data-speaking={voice === 'speaking'}
    >
      {entry.place !== null && <span className="player-place">#{entry.place}</span>}
      <PlayerDot color={entry.color} />
      <span className="player-who">
        <span className="player-name">{entry.name}</span>
        {voice !== null && (
          <span
            className="player-voice"
            title={voice === 'speaking' ? 'Speaking' : 'In voice chat'}
          >
            <Icon name={voice === 'speaking' ? 'mic' : 'headphones'} />
            <span className="visually-hidden">
              {voice === 'speaking' ? ', speaking' : ', in voice chat'}
            </span>
          </span>
        )}
        {self && <Tag>you</Tag>}
        {entry.host && <Tag tone="accent">host</Tag>}
        {entry.drawing && <Tag tone="warning">drawing</Tag>}
        {entry.solved && <Tag tone="success">guessed</Tag>}
        {!entry.connected && <Tag>away</Tag>}
      </span>
      <span className="player-end">
        {entry.score !== null && (
          <span className="player-score" aria-label={`${String(entry.score)} points`}>
            {entry.score}
          </span>
        )}
        {canAct && !self && id.success && (
          <PlayerActions target={{ id: id.data, name: entry.name }} isHost={isHost} send={send} />
        )}
      </span>
    </li>
  );
}

/**
 * Who is in the room: players with their scores (from the referee's scoreboard), who draws
 * and who guessed; spectators apart. Players can vote to kick, kick (host) or report others.
 */
export function PlayerList({ session }: { session: RoomSession }) {
  const present = useStore(session.players);
  const game = useStore(session.gameState);
  const roster = useMemo(() => buildRoster(game, present), [game, present]);
  const voice = useStore(session.voice.state);
  const voiceOf = useMemo(() => {
    const speaking = new Set(voice.speakers);
    const joined = new Set(voice.others);
    if (voice.status === 'connected') joined.add(session.self.id);
    return (id: string) => (speaking.has(id) ? 'speaking' : joined.has(id) ? 'in' : null);
  }, [voice, session]);
  const { self } = session;
  const isHost = game?.hostId === self.id;
  const canAct = self.role === 'player' && game !== null;
  const send = (message: ClientRpc) => {
    session.send(message);
  };
  return (
    <Panel title="Players" count={roster.players.length} className="players">
      <ul className="player-list" data-testid="player-list">
        {roster.players.map((entry) => (
          <PlayerRow
            key={entry.id}
            entry={entry}
            self={entry.id === self.id}
            isHost={isHost}
            canAct={canAct}
            voice={voiceOf(entry.id)}
            send={send}
          />
        ))}
      </ul>
      {roster.spectators.length > 0 && (
        <>
          <h3 className="panel-subtitle">
            Watching <span className="count">{roster.spectators.length}</span>
          </h3>
          <ul className="player-list" data-testid="spectator-list">
            {roster.spectators.map((spectator) => (
              <li key={spectator.id} className="player" data-testid="spectator">
                <PlayerDot color={spectator.color} />
                <span className="player-name">{spectator.name}</span>
                {spectator.id === self.id && <Tag>you</Tag>}
              </li>
            ))}
          </ul>
        </>
      )}
    </Panel>
  );
}
