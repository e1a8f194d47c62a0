import type { Random } from './random.js';

/** A position in board units. */
export interface Vec {
  readonly x: number;
  readonly y: number;
}

/**
 * The via points of one stroke: where the hand aims, one submovement per gap. The hand model
 * (handModel.ts) turns them into motion; corners come out rounded because submovements
 * overlap, as in real handwriting.
 */
export type Shape = (random: Random, size: number) => Vec[];

// ---- Figures ---------------------------------------------------------------------------

/** A dot: the pen goes down and up again almost in place. */
const tap: Shape = () => [{ x: 0, y: 0 }];

/** A straight line, as in outlines, arrows and underlines. */
const line: Shape = (random, size) => {
  const angle = random.range(0, Math.PI * 2);
  return [
    { x: 0, y: 0 },
    { x: Math.cos(angle) * size, y: Math.sin(angle) * size },
  ];
};

/** An arc or a whole ellipse: heads, wheels, suns. */
const arc: Shape = (random, size) => {
  const sweep = random.range(Math.PI * 0.6, Math.PI * 2.15);
  const steps = Math.max(3, Math.round(sweep / (Math.PI / 5)));
  const ry = size * random.range(0.5, 1);
  const start = random.range(0, Math.PI * 2);
  const direction = random.next() < 0.5 ? 1 : -1;
  return Array.from({ length: steps + 1 }, (_, i) => {
    const a = start + (direction * sweep * i) / steps;
    return { x: Math.cos(a) * size, y: Math.sin(a) * ry };
  });
};

/** Back-and-forth hatching, the way players shade an area. */
const hatch: Shape = (random, size) => {
  const count = random.int(4, 14);
  const gap = size * random.range(0.05, 0.15);
  const slant = random.range(-0.4, 0.4);
  return Array.from({ length: count }, (_, i) => ({
    x: i * gap + (i % 2) * size * slant,
    y: i % 2 === 0 ? 0 : size,
  }));
};

/** Cursive loops along a baseline, like a handwritten "eeee" or "llll". */
const loops: Shape = (random, size) => {
  const count = random.int(2, 6);
  const height = size * random.range(0.25, 0.6);
  const width = height * random.range(0.5, 0.9);
  const points: Vec[] = [{ x: 0, y: 0 }];
  for (let i = 0; i < count; i++) {
    const x = i * width;
    points.push(
      { x: x + width * 0.9, y: -height * 0.6 },
      { x: x + width * 0.5, y: -height },
      { x: x + width * 0.3, y: -height * 0.5 },
      { x: x + width, y: 0 },
    );
  }
  return points;
};

/** A spiral, drawn outwards. */
const spiral: Shape = (random, size) => {
  const turns = random.range(1.5, 3.5);
  const steps = Math.round(turns * 10);
  return Array.from({ length: steps + 1 }, (_, i) => {
    const a = (i / steps) * turns * Math.PI * 2;
    const r = (size * i) / steps;
    return { x: Math.cos(a) * r, y: Math.sin(a) * r };
  });
};

/** A wave, like water, hair or a signature's tail. */
const wave: Shape = (random, size) => {
  const crests = random.int(2, 6);
  const amplitude = size * random.range(0.08, 0.25);
  const steps = crests * 4;
  return Array.from({ length: steps + 1 }, (_, i) => ({
    x: (size * i) / steps,
    y: Math.sin((i / 4) * Math.PI * 2) * amplitude,
  }));
};

/** A scribble: a random walk with momentum, as when filling in or crossing out. */
const scribble: Shape = (random, size) => {
  const count = random.int(6, 24);
  const step = size * random.range(0.15, 0.4);
  let angle = random.range(0, Math.PI * 2);
  let x = 0;
  let y = 0;
  const points: Vec[] = [{ x, y }];
  for (let i = 0; i < count; i++) {
    angle += random.gauss(Math.PI * 0.7, 0.6);
    x += Math.cos(angle) * step;
    y += Math.sin(angle) * step;
    points.push({ x, y });
  }
  return points;
};

/** A printed letter made of straight strokes, corners included: M, N, W, Z, V. */
const letter: Shape = (random, size) => {
  const w = size * random.range(0.5, 0.9);
  const h = size;
  const letters: Vec[][] = [
    [
      { x: 0, y: h },
      { x: 0, y: 0 },
      { x: w / 2, y: h / 2 },
      { x: w, y: 0 },
      { x: w, y: h },
    ],
    [
      { x: 0, y: h },
      { x: 0, y: 0 },
      { x: w, y: h },
      { x: w, y: 0 },
    ],
    [
      { x: 0, y: 0 },
      { x: w / 4, y: h },
      { x: w / 2, y: h / 3 },
      { x: (3 * w) / 4, y: h },
      { x: w, y: 0 },
    ],
    [
      { x: 0, y: 0 },
      { x: w, y: 0 },
      { x: 0, y: h },
      { x: w, y: h },
    ],
    [
      { x: 0, y: 0 },
      { x: w / 2, y: h },
      { x: w, y: 0 },
    ],
  ];
  return letters[random.int(0, letters.length - 1)] ?? [];
};

/** How often each figure occurs in the trace, roughly as in draw-and-guess rounds. */
export const SHAPES: readonly (readonly [Shape, number])[] = [
  [tap, 0.06],
  [line, 0.22],
  [arc, 0.16],
  [hatch, 0.1],
  [loops, 0.08],
  [spiral, 0.04],
  [wave, 0.1],
  [scribble, 0.12],
  [letter, 0.12],
];
