import { STROKE_TOOLS } from '@scrawl/drawing-engine';
import { CHAT_KINDS, LANGUAGES, PHASES, ROLES } from '@scrawl/protocol';
import type { FrameContent } from './frameContent.js';

/**
 * Does a frame carry a secret word? Two searches, one on the raw bytes and one on the text
 * the frame decodes to, so a leak in any encoding shows and chance matches do not:
 *
 * - Raw: the word's bytes in every form a sender might write it (as given, lower, upper and
 *   capitalised case, diacritics stripped or decomposed, spaces and hyphens dropped, UTF-16,
 *   JSON `\u` escapes), anywhere in the frame.
 * - Text: every string the frame decodes to (Yjs update content and keys, awareness and
 *   stateless JSON, arrays of letters read as one text), folded (case, diacritics, ß), as
 *   whole words: "ice cream", "icecream" and "ice-cream" name ice cream, "chat" does not
 *   name "hat" nor "Eisbär" "Ei". A player's chat line is held to the referee's own rule (its
 *   letters in a row, spaces ignored, for words of three letters or more). A string that is
 *   one of the schema's constants names the constant, not the word: "brush" is the tool.
 *
 * A frame leaks when its text names the word, or when the raw search finds a form of at
 * least {@link RAW_MIN_BYTES} bytes that no decoded string accounts for (the word written in
 * bytes the decoder reads as opaque: a stroke chunk, a binary value, UTF-16), or when it
 * cannot be decoded and holds any form at all. Shorter raw matches in opaque bytes (two to
 * four letters in stroke points, client ids or float64 deadlines) happen by chance; they are
 * counted, not failed.
 */

/** Raw forms at least this long do not turn up in opaque bytes by chance (< 1e-6 per run). */
export const RAW_MIN_BYTES = 5;
/** From this many letters a chat line may not hold the word even inside another (referee). */
const CHAT_SUBSTRING_MIN = 3;
/** Values fixed by the schemas (a tool, a phase, a chat kind, a role, an auth scope). */
const CONSTANTS: ReadonlySet<string> = new Set([
  ...STROKE_TOOLS,
  ...PHASES,
  ...CHAT_KINDS,
  ...ROLES,
  ...LANGUAGES,
  'readonly',
  'read-write',
]);

/**
 * Whether a word is one of those values (the English list has `brush`): a string that is one
 * names the constant, so the text search cannot find such a word at all.
 */
export function isSchemaConstant(word: string): boolean {
  return CONSTANTS.has(word);
}

/** Case, diacritics and ß folded away: how every text is compared. */
export function fold(text: string): string {
  return text.toLowerCase().replace(/ß/g, 'ss').normalize('NFD').replace(/\p{M}/gu, '');
}

/** The words of a text, folded; anything but letters and digits separates them. */
export function tokens(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '');
}

/** A secret as the search needs it. */
export interface Secret {
  word: string;
  /** Its letters and digits, folded, in a row ("icecream"). */
  key: string;
  forms: Buffer[];
}

export function secretOf(word: string): Secret {
  return { word, key: tokens(word).join(''), forms: byteForms(word) };
}

/** Every byte form of a word to search raw frames for, without repeats. */
export function byteForms(word: string): Buffer[] {
  const texts = new Set<string>();
  const stripped = word.normalize('NFD').replace(/\p{M}/gu, '');
  for (const base of [word, word.normalize('NFC'), word.normalize('NFD'), stripped, fold(word)]) {
    for (const cased of [base, base.toLowerCase(), base.toUpperCase(), capitalise(base)]) {
      texts.add(cased);
      texts.add(cased.replace(/[\s'-]+/g, ''));
    }
  }
  const forms = new Map<string, Buffer>();
  const add = (bytes: Buffer) => forms.set(bytes.toString('hex'), bytes);
  for (const text of texts) {
    add(Buffer.from(text, 'utf8'));
    add(Buffer.from(text, 'utf16le'));
    if (/[^\x20-\x7e]/.test(text)) {
      add(Buffer.from(escapeJson(text, false), 'utf8'));
      add(Buffer.from(escapeJson(text, true), 'utf8'));
    }
  }
  return [...forms.values()].filter((form) => form.length > 0);
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();

/** `\u00e4` for ä: what a JSON encoder that escapes non-ASCII writes. */
const escapeJson = (text: string, upper: boolean) =>
  text.replace(/[^\x20-\x7e]/g, (char) => {
    const hex = char.charCodeAt(0).toString(16).padStart(4, '0');
    return `\\u${upper ? hex.toUpperCase() : hex}`;
  });

/** Whether some run of the text's words, joined, is the key ("ice cream" for "icecream"). */
export function namesWord(text: string, key: string): boolean {
  return wordsName(tokens(text), key);
}

function wordsName(words: readonly string[], key: string): boolean {
  for (let start = 0; start < words.length; start++) {
    let run = '';
    for (let end = start; end < words.length && run.length < key.length; end++) {
      run += words[end];
      if (run === key) return true;
    }
  }
  return false;
}

/** A player's chat line: the referee allows not even the word's letters inside another. */
export function chatHoldsWord(text: string, key: string): boolean {
  return chatWordsHold(tokens(text), key);
}

function chatWordsHold(words: readonly string[], key: string): boolean {
  if (key.length < CHAT_SUBSTRING_MIN) return wordsName(words, key);
  return words.join('').includes(key);
}

/** How many times `form` occurs in `bytes` (overlapping occurrences each count). */
export function occurrences(bytes: Uint8Array, form: Buffer): number {
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  for (let at = haystack.indexOf(form); at !== -1; at = haystack.indexOf(form, at + 1)) count++;
  return count;
}

/** A frame made ready to be searched for many secrets: its texts split into words once. */
export interface Searchable {
  bytes: Uint8Array;
  /** Null when the frame could not be decoded. */
  texts: {
    /** The words of every string and of every array of letters read as one. */
    words: string[][];
    /** The words of each player chat line. */
    chats: string[][];
    /** Every string's UTF-8 bytes, which account for raw matches inside them. */
    fields: Buffer[];
  } | null;
}

export function searchable(bytes: Uint8Array, content: FrameContent | null): Searchable {
  if (content === null) return { bytes, texts: null };
  return {
    bytes,
    texts: {
      words: [...content.strings.filter((text) => !CONSTANTS.has(text)), ...content.joined].map(
        tokens,
      ),
      chats: content.chatTexts.map(tokens),
      fields: content.strings.map((text) => Buffer.from(text, 'utf8')),
    },
  };
}

export interface Finding {
  /** Why the frame counts as carrying the word, or null. */
  leak: 'text' | 'chat' | 'raw bytes' | 'undecoded frame' | null;
  /** Raw matches of the word's forms. */
  raw: number;
  /** Raw matches of short forms in opaque bytes: chance, not a leak. */
  chance: number;
}

/** Searches one frame for one secret. */
export function findSecret(frame: Searchable, secret: Secret): Finding {
  const rawByForm = secret.forms.map((form) => occurrences(frame.bytes, form));
  const raw = rawByForm.reduce((sum, n) => sum + n, 0);
  const texts = frame.texts;
  if (texts === null) return { leak: raw > 0 ? 'undecoded frame' : null, raw, chance: 0 };
  if (texts.words.some((words) => wordsName(words, secret.key))) {
    return { leak: 'text', raw, chance: 0 };
  }
  if (texts.chats.some((words) => chatWordsHold(words, secret.key))) {
    return { leak: 'chat', raw, chance: 0 };
  }
  let chance = 0;
  for (const [i, form] of secret.forms.entries()) {
    const found = rawByForm[i] ?? 0;
    if (found === 0) continue;
    const accounted = texts.fields.reduce((sum, field) => sum + occurrences(field, form), 0);
    if (found <= accounted) continue;
    if (form.length >= RAW_MIN_BYTES) return { leak: 'raw bytes', raw, chance };
    chance += found - accounted;
  }
  return { leak: null, raw, chance };
}
