import { describe, expect, it } from '@jest/globals';
import type { ChatLine } from '@scrawl/protocol';
import type { PrivateEntry } from '../room/whispers';
import { mergeLog } from './chatLog';

const publicLine = (id: string, at: number): ChatLine => ({ id, at, kind: 'system', text: id });
const close = (id: string, at: number): PrivateEntry => ({ kind: 'close', id, at, text: id });

describe('mergeLog', () => {
  it('interleaves public and private lines by time, public first on a tie', () => {
    const merged = mergeLog(
      [publicLine('p1', 10), publicLine('p2', 20), publicLine('p3', 30)],
      [close('x0', 5), close('x1', 20), close('x2', 40)],
    );
    expect(merged.map((entry) => entry.id)).toEqual(['x0', 'p1', 'p2', 'x1', 'p3', 'x2']);
  });
});
