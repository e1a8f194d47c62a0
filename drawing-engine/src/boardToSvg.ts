import { BOARD_HEIGHT, BOARD_WIDTH } from './board.js';
import type { StrokeView } from './canvasDoc.js';
import { getStrokeSpine } from './getStrokeSpine.js';
import { strokeToSvgPath } from './strokeToSvgPath.js';

/** The paper colour of the board: white, as players see it in every theme. */
export const BOARD_BACKGROUND = '#ffffff';
/** Colour used for a stroke whose colour is not `#rrggbb` (the server refuses those anyway). */
const FALLBACK_COLOR = '#000000';
const COLOR = /^#[0-9a-fA-F]{6}$/;

/** Escapes text for an XML attribute value. */
function attribute(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);
}

/**
 * A standalone SVG document of a whole board, strokes in drawing order, in board units
 * (viewBox 0 0 1600 1000) on the board's white paper: what export and the debug CLI write.
 * Stroke ids go into `data-id` (escaped); a malformed colour is replaced, never copied.
 */
export function boardToSvg(strokes: readonly StrokeView[]): string {
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${BOARD_WIDTH} ${BOARD_HEIGHT}" width="${BOARD_WIDTH}" height="${BOARD_HEIGHT}">`,
    `<rect width="${BOARD_WIDTH}" height="${BOARD_HEIGHT}" fill="${BOARD_BACKGROUND}"/>`,
  ];
  for (const stroke of strokes) {
    const d = strokeToSvgPath(getStrokeSpine(stroke.points, stroke.width));
    if (d === '') continue;
    const color = COLOR.test(stroke.color) ? stroke.color : FALLBACK_COLOR;
    lines.push(`<path data-id="${attribute(stroke.id)}" fill="${color}" d="${d}"/>`);
  }
  lines.push('</svg>');
  return `${lines.join('\n')}\n`;
}
