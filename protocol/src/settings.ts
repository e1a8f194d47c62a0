import { z } from 'zod';

/**
 * Room settings: what the host may change in the lobby. Every bound is the referee's rule;
 * the web app uses the same numbers for its controls.
 */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Custom words: at least this many when any are given. */
export const MIN_CUSTOM_WORDS = 10;
/** Longest custom word (or phrase), in characters. */
export const MAX_WORD_LENGTH = 32;
/** Most custom words a room keeps. */
export const MAX_CUSTOM_WORDS = 500;

export const SETTING_BOUNDS = {
  rounds: { min: 1, max: 10, default: 3 },
  drawTimeSeconds: { min: 30, max: 240, default: 80 },
  wordChoices: { min: 1, max: 5, default: 3 },
  hints: { min: 0, max: 5, default: 2 },
  maxPlayers: { min: 2, max: 16, default: 8 },
  afterFirstGuessSeconds: { min: 5, max: 240, default: 30 },
} as const;

const bounded = (key: keyof typeof SETTING_BOUNDS) => {
  const { min, max } = SETTING_BOUNDS[key];
  return z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
};

/** One custom word: trimmed, 1–32 characters, letters, digits, spaces, hyphens, apostrophes. */
export const customWordSchema = z
  .string()
  .transform((value) => value.replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, 'must not be empty')
      .max(MAX_WORD_LENGTH, `must be at most ${MAX_WORD_LENGTH} characters`)
      .regex(
        /^[\p{L}\p{N}][\p{L}\p{N} '-]*$/u,
        'may hold only letters, digits, spaces, hyphens and apostrophes',
      ),
  );

/** The settings of a room, as the game document shows them. */
export const roomSettingsSchema = z.object({
  rounds: bounded('rounds'),
  drawTimeSeconds: bounded('drawTimeSeconds'),
  wordChoices: bounded('wordChoices'),
  hints: bounded('hints'),
  maxPlayers: bounded('maxPlayers'),
  /** Once someone guessed the word, the time left drops to at most this. */
  afterFirstGuessSeconds: bounded('afterFirstGuessSeconds'),
  language: z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(', ')}` }),
  customWords: z.array(customWordSchema).max(MAX_CUSTOM_WORDS),
  customWordsOnly: z.boolean(),
  public: z.boolean(),
  /** While a player draws, the referee silences their microphone (voice). */
  muteDrawer: z.boolean(),
});
export type RoomSettings = z.output<typeof roomSettingsSchema>;

/**
 * The settings as the game document shows them to everyone: the custom words only counted.
 * They would tell guessers what the word may be; the host is told them privately (the
 * `settings/words` whisper).
 */
export const publicSettingsSchema = roomSettingsSchema.omit({ customWords: true }).extend({
  customWordCount: z.number().int().min(0).max(MAX_CUSTOM_WORDS),
});
export type PublicSettings = z.output<typeof publicSettingsSchema>;

/** What everyone may see of `settings`. */
export function publicSettings({ customWords, ...rest }: RoomSettings): PublicSettings {
  return { ...rest, customWordCount: customWords.length };
}

/** The whole settings again: the public ones and the words the host was told. */
export function withCustomWords(
  settings: PublicSettings,
  customWords: readonly string[],
): RoomSettings {
  const { customWordCount: _count, ...rest } = settings;
  return { ...rest, customWords: [...customWords] };
}

/** The settings of a new room. */
export const DEFAULT_SETTINGS: RoomSettings = {
  rounds: SETTING_BOUNDS.rounds.default,
  drawTimeSeconds: SETTING_BOUNDS.drawTimeSeconds.default,
  wordChoices: SETTING_BOUNDS.wordChoices.default,
  hints: SETTING_BOUNDS.hints.default,
  maxPlayers: SETTING_BOUNDS.maxPlayers.default,
  afterFirstGuessSeconds: SETTING_BOUNDS.afterFirstGuessSeconds.default,
  language: 'en',
  customWords: [],
  customWordsOnly: false,
  public: true,
  muteDrawer: true,
};

/**
 * What the host sends to change settings: any subset; custom words as the comma-separated
 * text the host typed. The referee checks the result as a whole (custom words: none, or at
 * least ten; "custom words only" needs them).
 */
export const settingsPatchSchema = roomSettingsSchema
  .omit({ customWords: true })
  .partial()
  .extend({
    customWords: z
      .string()
      .max(MAX_CUSTOM_WORDS * (MAX_WORD_LENGTH + 2))
      .optional(),
  })
  .strict();
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

/**
 * Applies a patch to settings. Returns the new settings, or the first problem as
 * `{ field, message }` (the message names the field).
 */
export function applySettingsPatch(
  current: RoomSettings,
  patch: SettingsPatch,
): { ok: true; settings: RoomSettings } | { ok: false; field: string; message: string } {
  const parsed = settingsPatchSchema.safeParse(patch);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? 'settings';
    return { ok: false, field, message: `${field} ${issue?.message ?? 'is invalid'}` };
  }
  const { customWords: typed, ...rest } = parsed.data;
  let customWords = current.customWords;
  if (typed !== undefined) {
    const words: string[] = [];
    for (const raw of typed.split(',')) {
      if (raw.trim() === '') continue;
      const word = customWordSchema.safeParse(raw);
      if (!word.success) {
        return {
          ok: false,
          field: 'customWords',
          message: `"${raw.trim().slice(0, 40)}" ${word.error.issues[0]?.message ?? 'is not a word'}`,
        };
      }
      if (!words.some((w) => w.toLowerCase() === word.data.toLowerCase())) words.push(word.data);
    }
    if (words.length > 0 && words.length < MIN_CUSTOM_WORDS) {
      return {
        ok: false,
        field: 'customWords',
        message: `customWords needs at least ${MIN_CUSTOM_WORDS} words (got ${words.length})`,
      };
    }
    if (words.length > MAX_CUSTOM_WORDS) {
      return {
        ok: false,
        field: 'customWords',
        message: `customWords may hold at most ${MAX_CUSTOM_WORDS} words`,
      };
    }
    customWords = words;
  }
  const settings: RoomSettings = { ...current, ...rest, customWords };
  if (settings.customWordsOnly && settings.customWords.length < MIN_CUSTOM_WORDS) {
    return {
      ok: false,
      field: 'customWordsOnly',
      message: `customWordsOnly needs at least ${MIN_CUSTOM_WORDS} custom words`,
    };
  }
  return { ok: true, settings };
}
