import { BRUSH_SIZES } from './tools';

/** Five brush sizes as a radio group ([ and ] step through them). */
export function SizePicker({ width, onChange }: { width: number; onChange: (w: number) => void }) {
  return (
    <fieldset className="tool-group">
      <legend className="visually-hidden">Size</legend>
      {BRUSH_SIZES.map((size, index) => (
        <label key={size.width} className="size" title={`${size.name} ([ smaller, ] larger)`}>
          <input
            type="radio"
            name="brush-size"
            className="visually-hidden"
            checked={width === size.width}
            data-testid={`size-${String(index + 1)}`}
            onChange={() => {
              onChange(size.width);
            }}
          />
          <span className="size-dot" data-size={index + 1} aria-hidden="true" />
          <span className="visually-hidden">{size.name}</span>
        </label>
      ))}
    </fieldset>
  );
}
