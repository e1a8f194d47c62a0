import type { Role } from '@scrawl/protocol';

/** Where the voice connection is. */
export type VoiceStatus =
  /** Asking the server whether it has voice. */
  | 'checking'
  /** The server has no voice (503), or LiveKit could not be loaded. */
  | 'off'
  /** Voice is available; this player has not joined. */
  | 'idle'
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  /** Joining or staying connected failed; `message` says why. */
  | 'failed';

/** The microphone as far as this browser is concerned. */
export type MicStatus = 'unused' | 'on' | 'blocked' | 'missing';

/** A device to pick. */
export interface VoiceDevice {
  readonly id: string;
  readonly label: string;
}

/** Everything the voice panel and the player list show. */
export interface VoiceState {
  readonly status: VoiceStatus;
  readonly message: string | null;
  /** The LiveKit grant: false for spectators, and for the drawer while drawing. */
  readonly canPublish: boolean;
  readonly mic: MicStatus;
  /** Open microphone muted by the player. */
  readonly muted: boolean;
  /** Speak only while V is held. */
  readonly pushToTalk: boolean;
  /** V is held down now. */
  readonly talking: boolean;
  /** The browser refused to play sound until the player clicks. */
  readonly audioBlocked: boolean;
  /** Player ids of who is speaking now (this player included). */
  readonly speakers: readonly string[];
  /** Player ids of the others in voice. */
  readonly others: readonly string[];
  readonly volumes: Readonly<Record<string, number>>;
  readonly devices: readonly VoiceDevice[];
  readonly deviceId: string | null;
}

export const INITIAL_VOICE: VoiceState = {
  status: 'checking',
  message: null,
  canPublish: false,
  mic: 'unused',
  muted: false,
  pushToTalk: false,
  talking: false,
  audioBlocked: false,
  speakers: [],
  others: [],
  volumes: {},
  devices: [],
  deviceId: null,
};

/** Whether the microphone should send sound now. */
export function wantsMic(state: VoiceState): boolean {
  if (!state.canPublish || state.mic === 'blocked' || state.mic === 'missing') return false;
  return state.pushToTalk ? state.talking : !state.muted;
}

/** What the panel says, in words, and a name for its look. */
export function describeVoice(
  state: VoiceState,
  role: Role,
): { readonly kind: string; readonly text: string } {
  switch (state.status) {
    case 'checking':
      return { kind: 'checking', text: 'Checking voice…' };
    case 'off':
      return { kind: 'off', text: 'Voice is off' };
    case 'idle':
      return { kind: 'idle', text: 'Voice chat is available' };
    case 'connecting':
      return { kind: 'connecting', text: 'Connecting…' };
    case 'reconnecting':
      return { kind: 'reconnecting', text: 'Reconnecting…' };
    case 'failed':
      return { kind: 'failed', text: state.message ?? 'Voice could not connect.' };
    case 'connected':
      break;
  }
  if (!state.canPublish) {
    return role === 'spectator'
      ? { kind: 'listening', text: 'Listening only' }
      : { kind: 'muted-for-drawing', text: 'Muted for drawing' };
  }
  if (state.mic === 'blocked') return { kind: 'blocked', text: 'Microphone blocked' };
  if (state.mic === 'missing') return { kind: 'blocked', text: 'No microphone found' };
  if (state.pushToTalk) {
    return state.talking
      ? { kind: 'talking', text: 'Talking' }
      : { kind: 'push-to-talk', text: 'Hold V to talk' };
  }
  return state.muted ? { kind: 'muted', text: 'Muted' } : { kind: 'live', text: 'Connected' };
}
