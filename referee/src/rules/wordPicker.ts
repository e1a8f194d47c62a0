import type { RoomSettings } from '@scrawl/protocol';
import { WORD_LISTS } from '../words/index.js';
import { compactText } from './normalize.js';
import type { Random } from './types.js';

/**
 * The word choices of a turn (SPEC W1–W4): distinct, none used before in this game. Custom
 * words come first in the mix: with "custom words only" they are the whole pool; otherwise
 * each choice is a custom word with probability {@link CUSTOM_SHARE} while unused ones are
 * left. When the custom words run low the drawer gets fewer choices; when every custom word
 * is used the language list fills in; a word of the game comes back only when all are used.
 */

/** Chance a choice is a custom word, when the room has custom words but mixes them in. */
export const CUSTOM_SHARE = 0.5;

/** Draws one element uniformly and removes it from `pool`. */
function draw(pool: string[], random: Random): string | undefined {
  if (pool.length === 0) return undefined;
  const index = Math.min(Math.floor(random() * pool.length), pool.length - 1);
  return pool.splice(Number.isFinite(index) && index >= 0 ? index : 0, 1)[0];
}

export function pickChoices(
  settings: RoomSettings,
  usedWords: readonly string[],
  random: Random,
): string[] {
  const taken = new Set(usedWords.map(compactText));
  const fresh = (words: readonly string[]) => {
    const seen = new Set(taken);
    return words.filter((word) => {
      const key = compactText(word);
      if (key === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
  const custom = fresh(settings.customWords);
  const builtIn = settings.customWordsOnly ? [] : fresh(WORD_LISTS[settings.language]);
  // Custom words only and every one used: the language list fills in (one choice).
  const fallback = settings.customWordsOnly ? fresh(WORD_LISTS[settings.language]) : [];
  const choices: string[] = [];
  const keys = new Set<string>();
  // Every pass takes a word out of a pool or stops, so the loop ends.
  while (choices.length < settings.wordChoices) {
    const preferCustom = settings.customWordsOnly || random() < CUSTOM_SHARE;
    const word =
      (preferCustom ? draw(custom, random) : draw(builtIn, random)) ??
      draw(custom, random) ??
      draw(builtIn, random) ??
      (choices.length === 0 ? draw(fallback, random) : undefined);
    if (word === undefined) break;
    if (keys.has(compactText(word))) continue;
    keys.add(compactText(word));
    choices.push(word);
  }
  if (choices.length > 0) return choices;
  // Every word of every pool used: allow repeats rather than stall the game.
  return [draw([...WORD_LISTS[settings.language]], random) ?? 'cat'];
}
