/**
 * The logical board every player draws on. All stored coordinates are in board units,
 * so every screen shows the same drawing, scaled to fit.
 */

/** Board width in board units. 16:10 fits both landscape phones and desktop screens well. */
export const BOARD_WIDTH = 1600;
/** Board height in board units. */
export const BOARD_HEIGHT = 1000;

declare const boardBrand: unique symbol;
declare const screenBrand: unique symbol;

/** A position on the logical board, in board units. */
export type BoardPoint = { readonly x: number; readonly y: number } & {
  readonly [boardBrand]: true;
};

/** A position on a screen element, in CSS pixels relative to its top-left corner. */
export type ScreenPoint = { readonly x: number; readonly y: number } & {
  readonly [screenBrand]: true;
};

/** How the board is placed inside a screen element: uniform scale plus letterbox offset. */
export interface Viewport {
  /** CSS pixels per board unit. */
  readonly scale: number;
  /** Left edge of the board inside the element, in CSS pixels. */
  readonly offsetX: number;
  /** Top edge of the board inside the element, in CSS pixels. */
  readonly offsetY: number;
}

/** Marks a plain pair as a board position. */
export function boardPoint(x: number, y: number): BoardPoint {
  return { x, y } as BoardPoint;
}

/** Marks a plain pair as a screen position. */
export function screenPoint(x: number, y: number): ScreenPoint {
  return { x, y } as ScreenPoint;
}

/**
 * The largest viewport that shows the whole board inside an element of the given size,
 * centred. A zero or negative size yields a zero scale rather than NaN.
 */
export function fitBoard(width: number, height: number): Viewport {
  const scale = Math.max(0, Math.min(width / BOARD_WIDTH, height / BOARD_HEIGHT));
  if (!Number.isFinite(scale) || scale === 0) return { scale: 0, offsetX: 0, offsetY: 0 };
  return {
    scale,
    offsetX: (width - BOARD_WIDTH * scale) / 2,
    offsetY: (height - BOARD_HEIGHT * scale) / 2,
  };
}

/** Converts an element position to a board position, clamped to the board's edges. */
export function screenToBoard(point: ScreenPoint, viewport: Viewport): BoardPoint {
  if (viewport.scale === 0) return boardPoint(0, 0);
  const x = (point.x - viewport.offsetX) / viewport.scale;
  const y = (point.y - viewport.offsetY) / viewport.scale;
  return boardPoint(clamp(x, 0, BOARD_WIDTH), clamp(y, 0, BOARD_HEIGHT));
}

/** Converts a board position to an element position. */
export function boardToScreen(point: BoardPoint, viewport: Viewport): ScreenPoint {
  return screenPoint(
    viewport.offsetX + point.x * viewport.scale,
    viewport.offsetY + point.y * viewport.scale,
  );
}

function clamp(value: number, min: number, max: number): number {
  if (Number.isNaN(value)) return min;
  return Math.min(max, Math.max(min, value));
}
