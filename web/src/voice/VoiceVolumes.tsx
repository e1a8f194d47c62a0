import { useId } from 'react';
import type { VoiceSession } from './VoiceSession';

/** Percent steps of the volume sliders. */
const VOLUME_STEP = 5;

function VolumeSlider({
  playerId,
  name,
  volume,
  speaking,
  onChange,
}: {
  playerId: string;
  name: string;
  volume: number;
  speaking: boolean;
  onChange: (volume: number) => void;
}) {
  const id = useId();
  return (
    <li className={`voice-peer${speaking ? ' voice-peer--speaking' : ''}`}>
      <label htmlFor={id} className="voice-peer-name">
        {name}
      </label>
      <input
        id={id}
        type="range"
        className="voice-volume"
        data-testid="voice-volume"
        data-player-id={playerId}
        min={0}
        max={100}
        step={VOLUME_STEP}
        value={Math.round(volume * 100)}
        aria-valuetext={`${String(Math.round(volume * 100))}%`}
        onChange={(event) => {
          onChange(Number(event.target.value) / 100);
        }}
      />
    </li>
  );
}

/** A volume slider for each other player in voice. */
export function VoiceVolumes({
  voice,
  others,
  volumes,
  speakers,
  nameOf,
}: {
  voice: VoiceSession;
  others: readonly string[];
  volumes: Readonly<Record<string, number>>;
  speakers: ReadonlySet<string>;
  nameOf: (id: string) => string;
}) {
  if (others.length === 0) return <p className="field-hint">Nobody else is in voice yet.</p>;
  return (
    <ul className="voice-peers" aria-label="Volume of each player">
      {others.map((id) => (
        <VolumeSlider
          key={id}
          playerId={id}
          name={nameOf(id)}
          volume={volumes[id] ?? 1}
          speaking={speakers.has(id)}
          onChange={(volume) => {
            voice.setVolume(id, volume);
          }}
        />
      ))}
    </ul>
  );
}
