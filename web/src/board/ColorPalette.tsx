import { Swatches } from '../ui/Swatches';
import { BRUSH_COLORS, colorName } from './tools';

/** Sixteen named colours and a custom one, as a radio group plus a colour input. */
export function ColorPalette({
  color,
  onChange,
}: {
  color: string;
  onChange: (color: string) => void;
}) {
  return (
    <fieldset className="palette">
      <legend className="visually-hidden">Colour: {colorName(color)}</legend>
      <Swatches
        colors={BRUSH_COLORS}
        group="brush-color"
        value={color}
        customLabel="Custom colour"
        customDefault={color}
        onChange={onChange}
      />
    </fieldset>
  );
}
