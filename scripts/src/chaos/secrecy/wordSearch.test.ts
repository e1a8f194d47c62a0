import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { readFrame } from './frameContent.js';
import { chatHoldsWord, findSecret, namesWord, searchable, secretOf } from './wordSearch.js';

const varUint = (n: number): number[] => {
  const out: number[] = [];
  for (; n > 0x7f; n = Math.floor(n / 128)) out.push((n & 0x7f) | 0x80);
  out.push(n);
  return out;
};
const varBytes = (bytes: Uint8Array) => [...varUint(bytes.length), ...bytes];
const varString = (text: string) => varBytes(Buffer.from(text, 'utf8'));
const frame = (doc: string, type: number, body: number[]) =>
  Uint8Array.from([...varString(doc), type, ...body]);
const update = (doc: string, fill: (doc: Y.Doc) => void) => {
  const ydoc = new Y.Doc();
  ydoc.clientID = 1;
  fill(ydoc);
  return frame(doc, 0, [2, ...varBytes(Y.encodeStateAsUpdate(ydoc))]);
};
const game = (fill: (state: Y.Map<unknown>) => void) =>
  update('room/r1/game', (doc) => fill(doc.getMap('state')));
const stroke = (bytes: string) =>
  update('room/r1/canvas/1', (doc) =>
    doc.getArray('strokes').push([Uint8Array.from(Buffer.from(bytes))]),
  );
const stateless = (payload: string) => frame('room/r1/game', 5, varString(payload));
const presence = (state: unknown) =>
  frame(
    'room/r1/game',
    1,
    varBytes(Uint8Array.from([1, 42, 1, ...varString(JSON.stringify(state))])),
  );
const search = (bytes: Uint8Array, word: string) =>
  findSecret(searchable(bytes, readFrame(bytes)), secretOf(word));

describe('word search', () => {
  it.each([
    ['ice cream', 'the word was ICE-CREAM', true],
    ['ice cream', 'icecream', true],
    ['ice cream', 'ice cube', false],
    ['hat', 'chat', false],
    ['Ei', 'Eisbär', false],
    ['Bär', 'is it a BAR?', true],
    ['Strauß', 'STRAUSS', true],
    ['Pfeil und Bogen', 'pfeil-und-bogen!', true],
  ])('"%s" named in "%s": %s', (word, text, named) => {
    expect(namesWord(text, secretOf(word).key)).toBe(named);
  });

  it('holds a chat line to the referee rule: not even inside another word', () => {
    expect(chatHoldsWord('xicecreamx', secretOf('ice cream').key)).toBe(true);
    expect(chatHoldsWord('xeix', secretOf('Ei').key)).toBe(false);
  });

  it('finds the word in the public state, a fully shown hint, a whisper and presence', () => {
    expect(
      search(
        game((s) => s.set('word', 'Eisbär')),
        'Eisbär',
      ),
    ).toMatchObject({
      leak: 'text',
      raw: 1,
    });
    expect(
      search(
        game((s) => s.set('hint', ['E', null, 's'])),
        'Eis',
      ).leak,
    ).toBeNull();
    expect(
      search(
        game((s) => s.set('hint', ['E', 'i', 's'])),
        'Eis',
      ).leak,
    ).toBe('text');
    const secret = JSON.stringify({ type: 'word/secret', canvasRound: 1, word: 'Bär' });
    expect(search(stateless(secret), 'Bär').leak).toBe('text');
    expect(search(stateless('{"word":"B\\u00e4r"}'), 'Bär').leak).toBe('text');
    expect(search(presence({ player: { name: 'ice cream' } }), 'ice cream').leak).toBe('text');
  });

  it('finds a chat line holding the word inside another', () => {
    const line = { id: 'l1', at: 1, kind: 'chat', playerId: 'p1', name: 'Ana', text: 'xtigerx' };
    const chat = update('room/r1/game', (doc) => doc.getArray('chat').push([line]));
    expect(search(chat, 'Tiger').leak).toBe('chat');
  });

  it('leaves a word inside a key or another word, or a schema constant, alone', () => {
    expect(
      search(
        game((s) => s.set('chat', 'x')),
        'hat',
      ),
    ).toMatchObject({ leak: null, raw: 1 });
    const brush = update('room/r1/canvas/1', (doc) => {
      const stroke = new Y.Map<unknown>();
      doc.getArray('strokes').push([stroke]);
      stroke.set('tool', 'brush');
    });
    expect(search(brush, 'brush')).toMatchObject({ leak: null, raw: 1 });
  });

  it('fails the word in opaque bytes from five bytes on and counts shorter ones as chance', () => {
    expect(search(stroke('xxTigerxx'), 'Tiger').leak).toBe('raw bytes');
    expect(search(stroke('xEix'), 'Ei')).toMatchObject({ leak: null, chance: 1 });
    expect(search(stroke('x\u0000T\u0000i\u0000g\u0000e\u0000r\u0000'), 'Tiger').leak).toBe(
      'raw bytes',
    );
  });

  it('searches a frame it cannot decode by its bytes alone', () => {
    const garbage = Uint8Array.from([0xff, 0xff, ...Buffer.from('Ei')]);
    expect(readFrame(garbage)).toBeNull();
    expect(search(garbage, 'Ei').leak).toBe('undecoded frame');
  });
});
