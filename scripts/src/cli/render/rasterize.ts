import {
  BOARD_BACKGROUND,
  BOARD_HEIGHT,
  BOARD_WIDTH,
  capsuleDistance,
  getStrokeBounds,
  getStrokeSpine,
  type Spine,
  type StrokeView,
} from '@scrawl/drawing-engine';

/** A stroke whose colour is not `#rrggbb` is drawn black, as boardToSvg does. */
const FALLBACK_COLOR = '#000000';
const COLOR = /^#[0-9a-fA-F]{6}$/;
/** Pixels of margin around a shape's bounds: its antialiased edge reaches half a pixel out. */
const MARGIN = 1;

/** An opaque RGB image, 3 bytes a pixel, rows top to bottom. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly rgb: Uint8Array;
}

/**
 * Renders a board the way every renderer of Scrawl draws it — each stroke the union of the
 * tapered capsules between its spine's discs (drawing-engine's geometry), on white paper,
 * strokes in drawing order — at `scale` pixels per board unit.
 *
 * Each pixel's coverage comes from the exact signed distance of its centre to the shape
 * (`capsuleDistance`, the eraser's own): fully inside at half a pixel in, empty half a
 * pixel out, linear between. A stroke's coverage is the maximum over its capsules (the
 * union), so overlaps within a stroke never darken, then it is blended over the image once.
 */
export function rasterize(strokes: readonly StrokeView[], scale = 1): RgbImage {
  const width = Math.max(1, Math.round(BOARD_WIDTH * scale));
  const height = Math.max(1, Math.round(BOARD_HEIGHT * scale));
  const rgb = new Uint8Array(width * height * 3);
  const paper = parseColor(BOARD_BACKGROUND);
  for (let i = 0; i < width * height; i++) rgb.set(paper, i * 3);
  for (const stroke of strokes) {
    const spine = getStrokeSpine(stroke.points, stroke.width);
    const bounds = getStrokeBounds(spine);
    if (!bounds) continue;
    const box = {
      x0: clamp(Math.floor(bounds.minX * scale) - MARGIN, 0, width),
      y0: clamp(Math.floor(bounds.minY * scale) - MARGIN, 0, height),
      x1: clamp(Math.ceil(bounds.maxX * scale) + MARGIN, 0, width),
      y1: clamp(Math.ceil(bounds.maxY * scale) + MARGIN, 0, height),
    };
    if (box.x1 <= box.x0 || box.y1 <= box.y0) continue;
    const coverage = strokeCoverage(spine, scale, box);
    blend(
      rgb,
      width,
      box,
      coverage,
      parseColor(COLOR.test(stroke.color) ? stroke.color : FALLBACK_COLOR),
    );
  }
  return { width, height, rgb };
}

type Box = { x0: number; y0: number; x1: number; y1: number };

/** Coverage (0–1) of every pixel of `box` by the stroke's shape. */
function strokeCoverage(spine: Spine, scale: number, box: Box): Float32Array {
  const boxWidth = box.x1 - box.x0;
  const coverage = new Float32Array(boxWidth * (box.y1 - box.y0));
  const segments = Math.max(1, spine.length - 1);
  for (let i = 0; i < segments; i++) {
    const a = spine[i];
    const b = spine[i + 1] ?? a;
    if (!a || !b) continue;
    // ---- the pixels this capsule can touch
    const x0 = clamp(Math.floor(Math.min(a.x - a.r, b.x - b.r) * scale) - MARGIN, box.x0, box.x1);
    const x1 = clamp(Math.ceil(Math.max(a.x + a.r, b.x + b.r) * scale) + MARGIN, box.x0, box.x1);
    const y0 = clamp(Math.floor(Math.min(a.y - a.r, b.y - b.r) * scale) - MARGIN, box.y0, box.y1);
    const y1 = clamp(Math.ceil(Math.max(a.y + a.r, b.y + b.r) * scale) + MARGIN, box.y0, box.y1);
    for (let py = y0; py < y1; py++) {
      const y = (py + 0.5) / scale;
      const row = (py - box.y0) * boxWidth - box.x0;
      for (let px = x0; px < x1; px++) {
        // ---- signed distance in pixels → coverage of a one-pixel-wide edge ramp
        const covered = 0.5 - capsuleDistance((px + 0.5) / scale, y, a, b) * scale;
        if (covered <= 0) continue;
        const index = row + px;
        const value = Math.min(1, covered);
        if (value > (coverage[index] ?? 0)) coverage[index] = value;
      }
    }
  }
  return coverage;
}

function blend(
  rgb: Uint8Array,
  width: number,
  box: Box,
  coverage: Float32Array,
  color: readonly number[],
): void {
  const boxWidth = box.x1 - box.x0;
  for (let py = box.y0; py < box.y1; py++) {
    for (let px = box.x0; px < box.x1; px++) {
      const alpha = coverage[(py - box.y0) * boxWidth + (px - box.x0)] ?? 0;
      if (alpha <= 0) continue;
      const offset = (py * width + px) * 3;
      for (let channel = 0; channel < 3; channel++) {
        const under = rgb[offset + channel] ?? 0;
        rgb[offset + channel] = Math.round(under + ((color[channel] ?? 0) - under) * alpha);
      }
    }
  }
}

function parseColor(hex: string): [number, number, number] {
  const channel = (at: number) => Number.parseInt(hex.slice(at, at + 2), 16);
  return [channel(1), channel(3), channel(5)];
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
