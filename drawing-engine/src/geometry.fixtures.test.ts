import { describe, expect, it } from '@jest/globals';
import { boardToSvg } from './boardToSvg.js';
import { INPUT_FIXTURES } from './fixtures/inputFixtures.js';
import { getStrokeBounds } from './getStrokeBounds.js';
import { getStrokeSpine } from './getStrokeSpine.js';
import { hitTestStroke } from './hitTestStroke.js';
import { quantizePoint } from './point.js';
import { strokeToSvgPath } from './strokeToSvgPath.js';

const fixtures = Object.entries(INPUT_FIXTURES).map(([name, fixture]) => ({
  name,
  width: fixture.width,
  points: fixture.points.map(quantizePoint),
}));

describe('rendering geometry on the input fixtures', () => {
  it.each(fixtures)('[G2] renders $name to the recorded spine, bounds and path', (fixture) => {
    const spine = getStrokeSpine(fixture.points, fixture.width);
    expect({
      spine,
      bounds: getStrokeBounds(spine),
      path: strokeToSvgPath(spine),
    }).toMatchSnapshot();
  });

  it('[G2] renders a whole board of the fixtures to the recorded SVG', () => {
    const svg = boardToSvg(
      fixtures.map((f) => ({
        id: f.name,
        author: 'p1',
        tool: 'brush' as const,
        color: '#1f2328',
        width: f.width,
        points: f.points,
        done: true,
      })),
    );
    expect(svg).toMatchSnapshot();
  });

  it('[G10] escapes stroke ids and replaces a colour that is not #rrggbb', () => {
    const svg = boardToSvg([
      {
        id: '"><script>alert(1)</script>',
        author: 'p1',
        tool: 'brush',
        color: 'red" onload="alert(1)',
        width: 6,
        points: [{ x: 40, y: 40, p: 128, t: 0 }],
        done: true,
      },
    ]);
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('onload');
    expect(svg).toContain('data-id="&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;"');
    expect(svg).toContain('fill="#000000"');
  });

  it('[G3] draws a held-still pen as one dot at the firmest pressure', () => {
    const fixture = fixtures.find((f) => f.name === 'twoEqualPoints');
    const spine = getStrokeSpine(fixture?.points ?? [], 12);
    expect(spine).toEqual([{ x: 400.25, y: 300.5, r: (12 * (0.5 + 179 / 255)) / 2 }]);
  });

  it('[G8] hits a straight line within its width plus the tolerance, and nothing else', () => {
    const fixture = fixtures.find((f) => f.name === 'straightLine');
    const spine = getStrokeSpine(fixture?.points ?? [], 8);
    expect(hitTestStroke(spine, { x: 200, y: 225 }, 0)).toBe(true);
    expect(hitTestStroke(spine, { x: 200, y: 233 }, 0)).toBe(false);
    expect(hitTestStroke(spine, { x: 200, y: 233 }, 4)).toBe(true);
    expect(hitTestStroke(spine, { x: 96, y: 200 }, 0)).toBe(true);
    expect(hitTestStroke(spine, { x: 94, y: 198 }, 0)).toBe(false);
  });
});
