import type { PathSink } from '@scrawl/drawing-engine';

const FULL_TURN = Math.PI * 2;

/** The path methods shared by a canvas 2D context and a konva context. */
export interface PathContext {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  arc(x: number, y: number, radius: number, start: number, end: number, ccw?: boolean): void;
}

/** The engine's outline commands (traceStroke), written into a canvas or konva context. */
export function pathSink(context: PathContext): PathSink {
  return {
    moveTo: (x, y) => {
      context.moveTo(x, y);
    },
    lineTo: (x, y) => {
      context.lineTo(x, y);
    },
    closePath: () => {
      context.closePath();
    },
    circle: (x, y, r) => {
      context.moveTo(x + r, y);
      context.arc(x, y, r, 0, FULL_TURN, false);
      context.closePath();
    },
  };
}
