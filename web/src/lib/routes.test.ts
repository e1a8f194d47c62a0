import { describe, expect, it } from '@jest/globals';
import { albumPath, parseRoute, replayPath, startSecond } from './routes';

describe('routes', () => {
  it.each([
    ['/', { page: 'home' }],
    ['/r/k7pq2x', { page: 'room', code: 'K7PQ2X', canonicalPath: '/r/K7PQ2X' }],
    [
      '/r/k7pq2x/replay/12',
      { page: 'replay', code: 'K7PQ2X', canvasRound: 12, canonicalPath: '/r/K7PQ2X/replay/12' },
    ],
    ['/r/K7PQ2X/album/', { page: 'album', code: 'K7PQ2X', canonicalPath: '/r/K7PQ2X/album' }],
    ['/r/K7PQ2X/replay/x', { page: 'notFound', path: '/r/K7PQ2X/replay/x' }],
    ['/r/K7PQ2/album', { page: 'notFound', path: '/r/K7PQ2/album' }],
    ['/r/%E0%A4%A/album', { page: 'notFound', path: '/r/%E0%A4%A/album' }],
  ])('reads %s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });

  it('builds replay links at whole seconds and album links', () => {
    const code = 'K7PQ2X' as Parameters<typeof albumPath>[0];
    expect(replayPath(code, 4)).toBe('/r/K7PQ2X/replay/4');
    expect(replayPath(code, 4, 12.9)).toBe('/r/K7PQ2X/replay/4?t=12');
    expect(replayPath(code, 4, -3)).toBe('/r/K7PQ2X/replay/4?t=0');
    expect(albumPath(code)).toBe('/r/K7PQ2X/album');
  });

  it.each([
    ['?t=42', 42],
    ['?t=1.5', 1.5],
    ['', 0],
    ['?t=-4', 0],
    ['?t=soon', 0],
  ])('starts a replay from %j at %d s', (search, seconds) => {
    expect(startSecond(search)).toBe(seconds);
  });
});
