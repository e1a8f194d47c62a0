import type { PathSink, Spine } from './geometryTypes.js';
import { traceStroke } from './traceStroke.js';

/** Decimals kept in SVG coordinates: a hundredth of a board unit is far below a pixel. */
const DECIMALS = 100;

/** A coordinate as SVG text: at most two decimals, no trailing zeros, never "-0". */
function num(value: number): string {
  const rounded = Math.round(value * DECIMALS) / DECIMALS;
  return String(rounded === 0 ? 0 : rounded);
}

/** Collects outline commands as SVG path data. */
class SvgPathWriter implements PathSink {
  readonly parts: string[] = [];

  moveTo(x: number, y: number): void {
    this.parts.push(`M${num(x)} ${num(y)}`);
  }

  lineTo(x: number, y: number): void {
    this.parts.push(`L${num(x)} ${num(y)}`);
  }

  closePath(): void {
    this.parts.push('Z');
  }

  circle(x: number, y: number, r: number): void {
    // Two half-circle arcs, sweep flag 1: clockwise on screen, like the canvas arc.
    const radius = num(r);
    const arc = `A${radius} ${radius} 0 1 1`;
    this.parts.push(
      `M${num(x + r)} ${num(y)}${arc} ${num(x - r)} ${num(y)}${arc} ${num(x + r)} ${num(y)}Z`,
    );
  }
}

/**
 * SVG path data (`d`) for one stroke's rendered shape, to fill with the non-zero rule (the
 * default). Coordinates are board units with at most two decimals, so the text is stable
 * across machines and small enough to export whole boards. Empty spine: empty string.
 */
export function strokeToSvgPath(spine: Spine): string {
  const writer = new SvgPathWriter();
  traceStroke(spine, writer);
  return writer.parts.join('');
}
