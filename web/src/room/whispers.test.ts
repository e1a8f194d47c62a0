import { describe, expect, it } from '@jest/globals';
import type { ChatLine } from '@scrawl/protocol';
import {
  MAX_NOTICES,
  NO_WHISPERS,
  applyWhisper,
  currentSecret,
  parseSecret,
  type WhisperState,
} from './whispers';

const line: ChatLine = { id: 'l1', at: 50, kind: 'chat', playerId: 'p', name: 'Ana', text: 'hi' };

describe('applyWhisper', () => {
  it('keeps the drawer’s choices and word for their turn', () => {
    let state = applyWhisper(
      NO_WHISPERS,
      { type: 'word/choices', canvasRound: 4, choices: ['cat', 'dog'], deadline: 900 },
      10,
      'a',
    );
    state = applyWhisper(state, { type: 'word/secret', canvasRound: 4, word: 'dog' }, 20, 'b');
    expect(currentSecret(state, 4)).toEqual({
      canvasRound: 4,
      choices: ['cat', 'dog'],
      choicesDeadline: 900,
      word: 'dog',
      points: null,
    });
    expect(currentSecret(state, 5)).toBeNull();
  });

  it('starts afresh when a whisper names another turn', () => {
    const before = applyWhisper(
      NO_WHISPERS,
      { type: 'word/secret', canvasRound: 1, word: 'x' },
      0,
      'a',
    );
    const after = applyWhisper(
      before,
      { type: 'word/choices', canvasRound: 2, choices: ['y'], deadline: 5 },
      0,
      'b',
    );
    expect(after.secret).toMatchObject({ canvasRound: 2, word: null, choices: ['y'] });
  });

  it('records a correct guess as the secret and as a private log line', () => {
    const state = applyWhisper(
      NO_WHISPERS,
      { type: 'guess/correct', canvasRound: 3, word: 'moon', points: 120 },
      77,
      'c',
    );
    expect(state.secret).toMatchObject({ canvasRound: 3, word: 'moon', points: 120 });
    expect(state.log).toEqual([{ kind: 'correct', id: 'c', at: 77, word: 'moon', points: 120 }]);
  });

  it('logs close guesses at the time given and private chat at its own time', () => {
    let state: WhisperState = applyWhisper(
      NO_WHISPERS,
      { type: 'guess/close', text: 'mooon' },
      5,
      'a',
    );
    state = applyWhisper(state, { type: 'chat/private', line }, 99, 'b');
    expect(state.log).toEqual([
      { kind: 'close', id: 'a', at: 5, text: 'mooon' },
      { kind: 'private', id: 'b', at: 50, line },
    ]);
  });

  it('keeps the custom words the host was told last', () => {
    expect(NO_WHISPERS.customWords).toBeNull();
    const told = applyWhisper(NO_WHISPERS, { type: 'settings/words', words: ['a', 'b'] }, 0, '1');
    expect(told.customWords).toEqual(['a', 'b']);
    expect(applyWhisper(told, { type: 'settings/words', words: [] }, 0, '2').customWords).toEqual(
      [],
    );
  });

  it(`keeps only the last ${String(MAX_NOTICES)} notices`, () => {
    let state = NO_WHISPERS;
    for (let i = 0; i < 5; i++) {
      state = applyWhisper(
        state,
        { type: 'notice', level: 'error', text: `n${String(i)}` },
        0,
        `${String(i)}`,
      );
    }
    expect(state.notices.map((n) => n.text)).toEqual(['n2', 'n3', 'n4']);
  });
});

describe('parseSecret', () => {
  it.each([
    [null],
    ['text'],
    [{ canvasRound: '1', choices: null, choicesDeadline: null, word: null, points: null }],
    [{ canvasRound: 1, choices: [1], choicesDeadline: null, word: null, points: null }],
    [{ canvasRound: 1, choices: null, choicesDeadline: null, word: 5, points: null }],
  ])('refuses %j', (value) => {
    expect(parseSecret(value)).toBeNull();
  });

  it('reads back what was stored', () => {
    const secret = { canvasRound: 2, choices: ['a'], choicesDeadline: 3, word: 'a', points: null };
    expect(parseSecret(JSON.parse(JSON.stringify(secret)))).toEqual(secret);
  });
});
