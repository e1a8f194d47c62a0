import { describe, expect, it } from '@jest/globals';
import { ProgressBar } from './progress.js';

describe('ProgressBar', () => {
  it('redraws one line in place and clears it at the end', () => {
    const written: string[] = [];
    let now = 0;
    const bar = new ProgressBar({ write: (text) => written.push(text) }, 2, () => (now += 100));
    bar.tick('room/a/game');
    bar.tick('room/a/canvas/0');
    bar.finish();
    expect(written).toHaveLength(3);
    expect(written[0]).toBe(`\r\x1b[2K${'█'.repeat(12)}${'░'.repeat(12)} 1/2 room/a/game`);
    expect(written[1]).toBe(`\r\x1b[2K${'█'.repeat(24)} 2/2 room/a/canvas/0`);
    expect(written[2]).toBe('\r\x1b[2K');
  });

  it('draws nothing without a terminal to draw on', () => {
    const bar = new ProgressBar(null, 3);
    expect(() => {
      bar.tick('x');
      bar.finish();
    }).not.toThrow();
  });

  it('skips redraws closer together than a frame, but always draws the last', () => {
    const written: string[] = [];
    const bar = new ProgressBar({ write: (text) => written.push(text) }, 3, () => 1000);
    bar.tick('a');
    bar.tick('b');
    bar.tick('c');
    expect(written.map((line) => line.slice(-3))).toEqual(['3 a', '3 c']);
  });
});
