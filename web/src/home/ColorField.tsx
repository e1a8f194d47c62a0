import { Swatches } from '../ui/Swatches';

/** Player colours: distinct from each other and readable on light and dark themes. */
export const PLAYER_COLORS = [
  { name: 'Crimson', value: '#e6194b' },
  { name: 'Green', value: '#3cb44b' },
  { name: 'Blue', value: '#4363d8' },
  { name: 'Orange', value: '#f58231' },
  { name: 'Purple', value: '#911eb4' },
  { name: 'Cyan', value: '#42d4f4' },
  { name: 'Magenta', value: '#f032e6' },
  { name: 'Teal', value: '#469990' },
  { name: 'Brown', value: '#9a6324' },
  { name: 'Maroon', value: '#800000' },
  { name: 'Olive', value: '#808000' },
  { name: 'Navy', value: '#000075' },
] as const;

/**
 * The player's colour (their dot, cursor and name tag): one of twelve, or any other through
 * the colour picker. Null leaves the choice to the server.
 */
export function ColorField({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (color: string) => void;
}) {
  return (
    <fieldset className="field color-field">
      <legend className="label">Your colour</legend>
      <div className="palette">
        <Swatches
          colors={PLAYER_COLORS}
          group="player-color"
          value={value}
          customLabel="Another colour"
          customDefault="#4363d8"
          onChange={onChange}
        />
      </div>
    </fieldset>
  );
}
