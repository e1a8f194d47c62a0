import { useEffect, useMemo } from 'react';
import { useStore } from '../lib/useStore';
import type { RoomSession } from '../room/RoomSession';
import { Icon } from '../ui/Icon';
import { Panel } from '../ui/Panel';
import { usePushToTalk } from './usePushToTalk';
import { VoiceControls } from './VoiceControls';
import { describeVoice } from './voiceState';
import { VoiceVolumes } from './VoiceVolumes';

/** Why voice is as it is, when the headline needs a second line. */
function detail(kind: string): string | null {
  switch (kind) {
    case 'off':
      return 'This server has no voice chat. Everything else works.';
    case 'listening':
      return 'Spectators hear the players but do not speak.';
    case 'muted-for-drawing':
      return 'The drawer cannot speak while drawing; your microphone comes back after the turn.';
    default:
      return null;
  }
}

/**
 * The voice chat: join and leave, the microphone (mute, push-to-talk, device), a volume per
 * player, and the state in words. Joining loads LiveKit; nothing here can block the game.
 */
export function VoicePanel({ session }: { session: RoomSession }) {
  const { voice } = session;
  const state = useStore(voice.state);
  const game = useStore(session.gameState);
  const present = useStore(session.players);
  const names = useMemo(() => {
    const map = new Map<string, string>(present.map((player) => [player.id, player.name]));
    for (const entry of game?.scoreboard ?? []) map.set(entry.id, entry.name);
    return map;
  }, [game, present]);
  const speakers = useMemo(() => new Set(state.speakers), [state.speakers]);
  useEffect(() => {
    voice.probe();
  }, [voice]);
  usePushToTalk(voice, state.status === 'connected' && state.pushToTalk && state.canPublish);

  const { kind, text } = describeVoice(state, session.self.role);
  const inVoice = ['connecting', 'connected', 'reconnecting'].includes(state.status);
  const canJoin = state.status === 'idle' || state.status === 'failed';
  const more = detail(kind);
  return (
    <Panel
      title="Voice"
      className="voice"
      actions={
        inVoice ? (
          <button
            type="button"
            className="button button--small"
            data-testid="voice-leave"
            onClick={() => {
              voice.leave();
            }}
          >
            Leave
          </button>
        ) : canJoin ? (
          <button
            type="button"
            className="button button--small button--primary"
            data-testid="voice-join"
            onClick={() => {
              void voice.join();
            }}
          >
            <Icon name="headphones" /> Join
          </button>
        ) : null
      }
    >
      <p
        className={`voice-status voice-status--${kind}`}
        data-testid="voice-status"
        data-state={kind}
        role="status"
      >
        {text}
      </p>
      {more && <p className="field-hint">{more}</p>}
      {state.status === 'connected' && (
        <>
          <VoiceControls voice={voice} state={state} />
          <VoiceVolumes
            voice={voice}
            others={state.others}
            volumes={state.volumes}
            speakers={speakers}
            nameOf={(id) => names.get(id) ?? 'Someone'}
          />
        </>
      )}
    </Panel>
  );
}
