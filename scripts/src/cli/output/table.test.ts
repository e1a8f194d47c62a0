import { describe, expect, it } from '@jest/globals';
import { formatFields, formatTable } from './table.js';

describe('tables', () => {
  it('aligns columns under their headings, numbers to the right, with no trailing spaces', () => {
    const text = formatTable(
      [
        { name: 'a', size: 5 },
        { name: 'longer', size: 1234 },
      ],
      [
        { heading: 'SIZE', value: (r) => String(r.size), align: 'right' },
        { heading: 'NAME', value: (r) => r.name },
      ],
    );
    expect(text.split('\n')).toEqual(['SIZE  NAME', '   5  a', '1234  longer']);
  });

  it('says so when there are no rows', () => {
    expect(formatTable([], [{ heading: 'X', value: () => '' }], 'No rooms yet.')).toBe(
      'No rooms yet.',
    );
  });

  it('pads labels of label–value lines to one width', () => {
    expect(
      formatFields([
        ['a', '1'],
        ['long', '2'],
      ]),
    ).toBe('a     1\nlong  2');
  });
});
