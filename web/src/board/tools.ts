/** What the pointer does on the board. */
export type Tool = 'brush' | 'eraser';

/** What the next stroke is drawn with. */
export interface Brush {
  /** `#rrggbb`. */
  readonly color: string;
  /** Nominal width in board units. */
  readonly width: number;
}

/** The drawing settings of the toolbar. */
export interface ToolState {
  readonly tool: Tool;
  readonly brush: Brush;
}

/**
 * The palette: sixteen colours, light to dark within each hue, chosen to stay distinct on
 * the white board and named for screen readers and tooltips.
 */
export const BRUSH_COLORS = [
  { name: 'White', value: '#ffffff' },
  { name: 'Light grey', value: '#c1c7cf' },
  { name: 'Grey', value: '#6c737d' },
  { name: 'Black', value: '#1f2328' },
  { name: 'Pink', value: '#f783ac' },
  { name: 'Red', value: '#e03131' },
  { name: 'Dark red', value: '#8f1d1d' },
  { name: 'Orange', value: '#f76707' },
  { name: 'Yellow', value: '#fcc419' },
  { name: 'Brown', value: '#8b5a2b' },
  { name: 'Light green', value: '#8ce99a' },
  { name: 'Green', value: '#2f9e44' },
  { name: 'Light blue', value: '#74c0fc' },
  { name: 'Blue', value: '#1971c2' },
  { name: 'Dark blue', value: '#1b2a80' },
  { name: 'Purple', value: '#9c36b5' },
] as const;

/** Five widths in board units (the board is 1600 wide): outlines to big fills. */
export const BRUSH_SIZES = [
  { name: 'Extra small', width: 4 },
  { name: 'Small', width: 8 },
  { name: 'Medium', width: 14 },
  { name: 'Large', width: 24 },
  { name: 'Extra large', width: 40 },
] as const;

export const DEFAULT_TOOLS: ToolState = {
  tool: 'brush',
  brush: { color: '#1f2328', width: BRUSH_SIZES[2].width },
};

/** The name of a palette colour, or a description of a custom one. */
export function colorName(value: string): string {
  const known = BRUSH_COLORS.find((color) => color.value === value.toLowerCase());
  return known ? known.name : `Custom colour ${value}`;
}

/** The next size up (+1) or down (−1) from a width, staying within the five sizes. */
export function stepSize(width: number, direction: 1 | -1): number {
  const index = BRUSH_SIZES.findIndex((size) => size.width >= width);
  const current = index === -1 ? BRUSH_SIZES.length - 1 : index;
  const next = Math.min(BRUSH_SIZES.length - 1, Math.max(0, current + direction));
  return BRUSH_SIZES[next]?.width ?? width;
}
