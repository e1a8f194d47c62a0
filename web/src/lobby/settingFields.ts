import type { SETTING_BOUNDS } from '@scrawl/protocol';
import { type Language, type PublicSettings } from '@scrawl/protocol';

/** The numeric settings, in the order the form shows them, with labels and steps. */
export const NUMBER_FIELDS: ReadonlyArray<{
  key: keyof typeof SETTING_BOUNDS;
  label: string;
  unit: string;
  step: number;
}> = [
  { key: 'rounds', label: 'Rounds', unit: '', step: 1 },
  { key: 'drawTimeSeconds', label: 'Drawing time', unit: 's', step: 10 },
  { key: 'wordChoices', label: 'Words to pick from', unit: '', step: 1 },
  { key: 'hints', label: 'Hints', unit: '', step: 1 },
  { key: 'maxPlayers', label: 'Max players', unit: '', step: 1 },
  { key: 'afterFirstGuessSeconds', label: 'Time after a guess', unit: 's', step: 5 },
];

/** Word lists by language, named in their own language. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch' };

/** The on/off settings, with labels. */
export const TOGGLE_FIELDS: ReadonlyArray<{
  key: 'customWordsOnly' | 'public' | 'muteDrawer';
  label: string;
}> = [
  { key: 'customWordsOnly', label: 'Use only the custom words' },
  { key: 'public', label: 'Public room (listed on the start page)' },
  { key: 'muteDrawer', label: 'Mute the drawer’s microphone' },
];

/** A setting's value as the read-only summary shows it. */
export function describeSetting(settings: PublicSettings, key: keyof PublicSettings): string {
  const value = settings[key];
  if (key === 'language') return LANGUAGE_NAMES[settings.language];
  if (key === 'customWordCount')
    return settings.customWordCount === 0 ? 'none' : `${String(settings.customWordCount)} words`;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const unit = NUMBER_FIELDS.find((field) => field.key === key)?.unit ?? '';
  return `${String(value)}${unit ? ` ${unit}` : ''}`;
}
