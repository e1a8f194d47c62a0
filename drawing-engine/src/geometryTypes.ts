/**
 * The shapes the rendering geometry passes between its steps, all in board units.
 *
 * A stroke renders as the union of discs swept along its spine: round caps, round joins,
 * and a width that follows pen pressure. The spine is what every renderer, exporter and
 * hit-test reads, so what is drawn and what the eraser hits are the same shape.
 */

/** A smoothed sample: board position and pen pressure (0–1). */
export interface PenPoint {
  readonly x: number;
  readonly y: number;
  readonly pressure: number;
}

/** A point of a stroke's spine: centre and radius of the disc drawn there. */
export interface SpinePoint {
  readonly x: number;
  readonly y: number;
  /** Half the drawn width here, board units; always positive. */
  readonly r: number;
}

/** A stroke's spine: the rendered shape is the union of the tapered capsules between its points. */
export type Spine = readonly SpinePoint[];

/** An axis-aligned rectangle, board units. */
export interface Bounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/**
 * Where outline commands go: a canvas 2D context, a konva context, or the SVG path writer.
 * Each shape is a closed subpath, clockwise on screen (y down), filled with the non-zero
 * rule, so overlapping pieces merge into one shape without seams.
 */
export interface PathSink {
  /** Starts a subpath. */
  moveTo(x: number, y: number): void;
  /** A straight edge from the current point. */
  lineTo(x: number, y: number): void;
  /** Closes the current subpath. */
  closePath(): void;
  /** A whole circle as its own closed subpath, clockwise on screen. */
  circle(x: number, y: number, r: number): void;
}
