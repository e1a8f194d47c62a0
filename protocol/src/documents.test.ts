import { describe, expect, it } from '@jest/globals';
import { canvasDocName, formatDocName, gameDocName, parseDocName } from './documents.js';
import type { RoomId } from './ids.js';

const room = 'abcdefgh12345678' as RoomId;

describe('document names', () => {
  it('round-trips game and canvas names', () => {
    expect(parseDocName(gameDocName(room))).toEqual({ kind: 'game', roomId: room });
    expect(parseDocName(canvasDocName(room, 0))).toEqual({
      kind: 'canvas',
      roomId: room,
      round: 0,
    });
    expect(parseDocName(canvasDocName(room, 42))).toEqual({
      kind: 'canvas',
      roomId: room,
      round: 42,
    });
    expect(formatDocName({ kind: 'canvas', roomId: room, round: 7 })).toBe(`room/${room}/canvas/7`);
  });

  it.each([
    '',
    'room',
    `room/${room}`,
    `room/${room}/game/extra`,
    `room/${room}/canvas`,
    `room/${room}/canvas/01`,
    `room/${room}/canvas/-1`,
    `room/${room}/canvas/1.5`,
    `room/${room}/canvas/99999999`,
    'room/ABCDEFGH12345678/game',
    'room/short/game',
    `other/${room}/game`,
  ])('refuses %j', (name) => {
    expect(parseDocName(name)).toBeNull();
  });

  it('refuses to build a name for a negative or fractional round', () => {
    expect(() => canvasDocName(room, -1)).toThrow(RangeError);
    expect(() => canvasDocName(room, 1.5)).toThrow(RangeError);
  });
});
