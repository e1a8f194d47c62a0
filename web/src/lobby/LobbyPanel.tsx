import { withCustomWords, type GameState } from '@scrawl/protocol';
import { useStore } from '../lib/useStore';
import type { RoomSession } from '../room/RoomSession';
import { Panel } from '../ui/Panel';
import { InviteLink } from './InviteLink';
import { SettingsForm, SettingsSummary } from './SettingsForm';
import { useCreatorChoice } from './useCreatorChoice';

/** The fewest players a game needs. */
const MIN_PLAYERS = 2;

/**
 * The lobby: the invite link, the settings (the host edits them, everyone else reads
 * them) and the host's start button.
 */
export function LobbyPanel({
  session,
  game,
  playerCount,
}: {
  session: RoomSession;
  game: GameState | null;
  playerCount: number;
}) {
  const isHost = game !== null && game.hostId === session.self.id;
  useCreatorChoice(session, game, isHost);
  // The game document only counts the custom words; the referee tells the host the words.
  const { customWords } = useStore(session.whispers);
  const url = `${window.location.origin}/r/${session.seat.code}`;
  const enough = playerCount >= MIN_PLAYERS;
  return (
    <Panel title="Lobby" className="lobby">
      <InviteLink url={url} />
      {game === null ? (
        <p className="field-hint">The settings appear once the room is ready.</p>
      ) : isHost ? (
        <>
          <SettingsForm
            settings={withCustomWords(game.settings, customWords ?? [])}
            wordsPending={customWords === null && game.settings.customWordCount > 0}
            onPatch={(patch) => {
              session.send({ type: 'settings/update', patch });
            }}
          />
          <button
            type="button"
            className="button button--primary button--wide"
            data-testid="start-game"
            disabled={!enough}
            onClick={() => {
              session.send({ type: 'game/start' });
            }}
          >
            Start the game
          </button>
          {!enough && <p className="field-hint">Invite at least one more player to start.</p>}
        </>
      ) : (
        <>
          <SettingsSummary settings={game.settings} />
          <p className="field-hint">Only the host can change the settings and start.</p>
        </>
      )}
    </Panel>
  );
}
