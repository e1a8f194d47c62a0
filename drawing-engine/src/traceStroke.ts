import { finiteSpine } from './finiteSpine.js';
import type { PathSink, Spine, SpinePoint } from './geometryTypes.js';

/**
 * Writes the outline of the quadrilateral joining the outer tangents of two discs, or
 * nothing when one disc holds the other (the larger disc is then the whole capsule).
 */
function traceTangents(a: SpinePoint, b: SpinePoint, sink: PathSink): void {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const d2 = dx * dx + dy * dy;
  const dr = a.r - b.r;
  if (d2 <= dr * dr) return;
  const d = Math.sqrt(d2);
  // ---- unit direction u, normal n; tangent points sit at angle ±θ from u, cos θ = dr / d
  const ux = dx / d;
  const uy = dy / d;
  const cos = dr / d;
  const sin = Math.sqrt(Math.max(0, 1 - cos * cos));
  const lx = cos * ux - sin * uy;
  const ly = cos * uy + sin * ux;
  const rx = cos * ux + sin * uy;
  const ry = cos * uy - sin * ux;
  // Out along one tangent, back along the other: clockwise on screen, like the circles.
  sink.moveTo(a.x + a.r * rx, a.y + a.r * ry);
  sink.lineTo(b.x + b.r * rx, b.y + b.r * ry);
  sink.lineTo(b.x + b.r * lx, b.y + b.r * ly);
  sink.lineTo(a.x + a.r * lx, a.y + a.r * ly);
  sink.closePath();
}

/**
 * Writes a stroke's rendered shape into a path: a circle at every spine point and the
 * tangent quadrilateral of every segment, each closed and clockwise on screen. Filled with
 * the non-zero rule (the default of canvas and SVG) they merge into one shape with round
 * caps, round joins and pressure-driven width, without seams or gaps at sharp turns.
 */
export function traceStroke(input: Spine, sink: PathSink): void {
  const spine = finiteSpine(input);
  for (const point of spine) sink.circle(point.x, point.y, point.r);
  for (let i = 0; i + 1 < spine.length; i++) {
    const a = spine[i];
    const b = spine[i + 1];
    if (a && b) traceTangents(a, b, sink);
  }
}
