import { useId } from 'react';

/** A named colour of a swatch group. */
export interface NamedColor {
  readonly name: string;
  readonly value: string;
}

/**
 * Colour swatches as a radio group (arrow keys move between them), followed by a swatch
 * that opens the browser's colour picker for any other colour. The custom swatch shows as
 * checked, in the chosen colour, when `value` is none of `colors`.
 */
export function Swatches({
  colors,
  group,
  value,
  customLabel,
  customDefault,
  onChange,
}: {
  colors: readonly NamedColor[];
  /** The radio group's name: unique on the page. */
  group: string;
  value: string | null;
  customLabel: string;
  /** What the colour picker starts at while no colour is chosen. */
  customDefault: string;
  onChange: (color: string) => void;
}) {
  const customId = useId();
  const custom = value !== null && !colors.some((color) => color.value === value);
  return (
    <>
      {colors.map(({ name, value: color }) => (
        <label key={color} className="swatch" title={name}>
          <input
            type="radio"
            name={group}
            className="visually-hidden"
            checked={value === color}
            onChange={() => {
              onChange(color);
            }}
          />
          <span className="swatch-dot" style={{ backgroundColor: color }} aria-hidden="true" />
          <span className="visually-hidden">{name}</span>
        </label>
      ))}
      <label
        htmlFor={customId}
        className={`swatch swatch--custom${custom ? ' swatch--checked' : ''}`}
        title={customLabel}
      >
        <span
          className="swatch-dot swatch-dot--custom"
          style={custom ? { backgroundColor: value } : undefined}
          aria-hidden="true"
        />
        <span className="visually-hidden">{customLabel}</span>
      </label>
      <input
        id={customId}
        type="color"
        className="visually-hidden"
        value={value ?? customDefault}
        onChange={(event) => {
          onChange(event.target.value.toLowerCase());
        }}
      />
    </>
  );
}
