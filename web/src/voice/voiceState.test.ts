import { describe, expect, it } from '@jest/globals';
import { INITIAL_VOICE, describeVoice, wantsMic, type VoiceState } from './voiceState';

const connected: VoiceState = {
  ...INITIAL_VOICE,
  status: 'connected',
  canPublish: true,
  mic: 'on',
};

describe('describeVoice', () => {
  it.each([
    [{ status: 'checking' }, 'player', 'Checking voice…'],
    [{ status: 'off' }, 'player', 'Voice is off'],
    [{ status: 'idle' }, 'player', 'Voice chat is available'],
    [{ status: 'connecting' }, 'player', 'Connecting…'],
    [{ status: 'reconnecting' }, 'player', 'Reconnecting…'],
    [
      { status: 'failed', message: 'Your session has expired.' },
      'player',
      'Your session has expired.',
    ],
    [{}, 'player', 'Connected'],
    [{ muted: true }, 'player', 'Muted'],
    [{ canPublish: false }, 'player', 'Muted for drawing'],
    [{ canPublish: false }, 'spectator', 'Listening only'],
    [{ mic: 'blocked' }, 'player', 'Microphone blocked'],
    [{ mic: 'missing' }, 'player', 'No microphone found'],
    [{ pushToTalk: true }, 'player', 'Hold V to talk'],
    [{ pushToTalk: true, talking: true }, 'player', 'Talking'],
  ] as const)('%j for a %s reads %j', (patch, role, text) => {
    expect(describeVoice({ ...connected, ...patch }, role).text).toBe(text);
  });
});

describe('wantsMic', () => {
  it.each([
    [{}, true],
    [{ muted: true }, false],
    [{ canPublish: false }, false],
    [{ mic: 'blocked' }, false],
    [{ pushToTalk: true }, false],
    [{ pushToTalk: true, talking: true }, true],
    [{ pushToTalk: true, talking: true, canPublish: false }, false],
    [{ pushToTalk: true, talking: true, muted: true }, true],
  ] as const)('%j sends sound: %s', (patch, wanted) => {
    expect(wantsMic({ ...connected, ...patch })).toBe(wanted);
  });
});
