import { describe, expect, it } from '@jest/globals';
import { PEN_GRACE_MS, PalmRejection } from './PalmRejection';

describe('PalmRejection', () => {
  it('lets every input through until a pen shows up', () => {
    const palm = new PalmRejection();
    expect(palm.rejects('touch', 0)).toBe(false);
    expect(palm.rejects('mouse', 0)).toBe(false);
  });

  it('ignores touches while the pen is down, however long', () => {
    const palm = new PalmRejection();
    palm.notePen(100, true);
    expect(palm.rejects('touch', 100 + 10 * PEN_GRACE_MS)).toBe(true);
    expect(palm.rejects('pen', 150)).toBe(false);
    expect(palm.rejects('mouse', 150)).toBe(false);
  });

  it('ignores touches for a moment after the pen hovered or lifted, then accepts them', () => {
    const palm = new PalmRejection();
    palm.notePen(100, false);
    expect(palm.rejects('touch', 100 + PEN_GRACE_MS - 1)).toBe(true);
    expect(palm.rejects('touch', 100 + PEN_GRACE_MS)).toBe(false);
  });
});
