import { describe, expect, it } from '@jest/globals';
import {
  BOARD_HEIGHT,
  BOARD_WIDTH,
  boardPoint,
  boardToScreen,
  fitBoard,
  screenPoint,
  screenToBoard,
} from './board.js';

describe('board geometry', () => {
  it('[B1] fits the whole board, centred, in a wide element', () => {
    const viewport = fitBoard(2000, 500);
    expect(viewport.scale).toBeCloseTo(0.5);
    expect(viewport.offsetX).toBeCloseTo((2000 - BOARD_WIDTH * 0.5) / 2);
    expect(viewport.offsetY).toBeCloseTo(0);
  });

  it('[B1] round-trips a board point through the screen', () => {
    const viewport = fitBoard(360, 400);
    const screen = boardToScreen(boardPoint(800, 250), viewport);
    const back = screenToBoard(screen, viewport);
    expect(back.x).toBeCloseTo(800);
    expect(back.y).toBeCloseTo(250);
  });

  it('[B1] clamps points outside the board to its edges', () => {
    const viewport = fitBoard(BOARD_WIDTH, BOARD_HEIGHT);
    expect(screenToBoard(screenPoint(-50, BOARD_HEIGHT + 50), viewport)).toEqual({
      x: 0,
      y: BOARD_HEIGHT,
    });
  });

  it('[B1] never yields NaN for an empty element', () => {
    const viewport = fitBoard(0, 0);
    expect(viewport.scale).toBe(0);
    expect(screenToBoard(screenPoint(10, 10), viewport)).toEqual({ x: 0, y: 0 });
  });
});
