import { describe, expect, it } from '@jest/globals';
import { DEFAULT_SETTINGS, type RoomSettings } from '@scrawl/protocol';
import { EN_WORDS } from '../words/index.js';
import { compactText } from './normalize.js';
import { mulberry32 } from './testKit.js';
import { pickChoices } from './wordPicker.js';

const CUSTOM = [
  'Zeppelin',
  'Quokka',
  'Axolotl',
  'Narwhal',
  'Tapir',
  'Okapi',
  'Wombat',
  'Yak',
  'Gnu',
  'Ibis',
];

const settings = (patch: Partial<RoomSettings>): RoomSettings => ({
  ...DEFAULT_SETTINGS,
  ...patch,
});

describe('pickChoices', () => {
  it('[W2] offers the set number of distinct, unused words', () => {
    const random = mulberry32(7);
    const used: string[] = [];
    for (let turn = 0; turn < 100; turn++) {
      const choices = pickChoices(settings({ wordChoices: 5 }), used, random);
      expect(choices).toHaveLength(5);
      expect(new Set(choices.map(compactText)).size).toBe(5);
      for (const word of choices) {
        expect(EN_WORDS).toContain(word);
        expect(used).not.toContain(word);
      }
      used.push(choices[0]!);
    }
  });

  it('[W3] offers only custom words with customWordsOnly', () => {
    const random = mulberry32(3);
    const s = settings({ customWords: CUSTOM, customWordsOnly: true, wordChoices: 3 });
    for (let i = 0; i < 50; i++) {
      for (const word of pickChoices(s, [], random)) expect(CUSTOM).toContain(word);
    }
  });

  it('[W3] mixes custom words in about half of the time', () => {
    const random = mulberry32(11);
    const s = settings({ customWords: CUSTOM, wordChoices: 1 });
    let custom = 0;
    for (let i = 0; i < 400; i++) if (CUSTOM.includes(pickChoices(s, [], random)[0]!)) custom++;
    expect(custom).toBeGreaterThan(150);
    expect(custom).toBeLessThan(250);
  });

  it('[W3] offers fewer choices when custom words run low, then the language list', () => {
    const random = mulberry32(5);
    const s = settings({ customWords: CUSTOM, customWordsOnly: true, wordChoices: 3 });
    const used = CUSTOM.slice(0, 9);
    expect(pickChoices(s, used, random)).toEqual(['Ibis']);
    const fallback = pickChoices(s, CUSTOM, random);
    expect(fallback).toHaveLength(1);
    expect(EN_WORDS).toContain(fallback[0]);
  });

  it('[W4] depends on the random source only', () => {
    const s = settings({ language: 'de', wordChoices: 4 });
    expect(pickChoices(s, [], mulberry32(9))).toEqual(pickChoices(s, [], mulberry32(9)));
  });
});
