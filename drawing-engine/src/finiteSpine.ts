import type { Spine, SpinePoint } from './geometryTypes.js';

/**
 * The points of a spine that can be drawn: finite position and positive finite radius.
 * A spine from getStrokeSpine always passes whole; this guards hand-made ones.
 */
export function finiteSpine(spine: Spine): Spine {
  const ok = (p: SpinePoint) =>
    Number.isFinite(p.x) && Number.isFinite(p.y) && Number.isFinite(p.r) && p.r > 0;
  return spine.every(ok) ? spine : spine.filter(ok);
}
