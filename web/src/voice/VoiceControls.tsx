import { useId } from 'react';
import { Icon } from '../ui/Icon';
import type { VoiceSession } from './VoiceSession';
import type { VoiceState } from './voiceState';

/**
 * The microphone while connected: mute, push-to-talk (hold V), which microphone, and the
 * ways out of a blocked microphone or held-back sound.
 */
export function VoiceControls({ voice, state }: { voice: VoiceSession; state: VoiceState }) {
  const deviceId = useId();
  const micUsable = state.canPublish && state.mic !== 'blocked' && state.mic !== 'missing';
  return (
    <div className="voice-controls">
      {state.audioBlocked && (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            voice.resumeAudio();
          }}
        >
          Turn on sound
        </button>
      )}
      {state.mic === 'blocked' && state.canPublish && (
        <p className="field-hint">
          Allow the microphone for this site in your browser, then{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              voice.retryMic();
            }}
          >
            try again
          </button>
          .
        </p>
      )}
      {micUsable && (
        <div className="voice-mic">
          {!state.pushToTalk && (
            <button
              type="button"
              className="button button--small"
              data-testid="voice-mute"
              aria-pressed={state.muted}
              onClick={() => {
                voice.setMuted(!state.muted);
              }}
            >
              <Icon name={state.muted ? 'micOff' : 'mic'} />
              {state.muted ? 'Unmute' : 'Mute'}
            </button>
          )}
          <label className="checkbox">
            <input
              type="checkbox"
              data-testid="voice-push-to-talk"
              checked={state.pushToTalk}
              onChange={(event) => {
                voice.setPushToTalk(event.target.checked);
              }}
            />
            <span>
              Push to talk (hold <kbd>V</kbd>)
            </span>
          </label>
        </div>
      )}
      {micUsable && state.devices.length > 0 && (
        <div className="field">
          <label htmlFor={deviceId} className="label">
            Microphone
          </label>
          <select
            id={deviceId}
            className="input"
            data-testid="voice-device"
            value={state.deviceId ?? state.devices[0]?.id ?? ''}
            onChange={(event) => {
              voice.chooseDevice(event.target.value);
            }}
          >
            {state.devices.map((device) => (
              <option key={device.id} value={device.id}>
                {device.label}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
