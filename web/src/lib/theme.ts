import { useSyncExternalStore } from 'react';
import { Store } from './Store';
import { readItem, writeItem } from './storage';

/** The colour theme: the system's choice, or one the player picked. */
export type Theme = 'system' | 'light' | 'dark';

const THEME_KEY = 'scrawl.theme';
const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

function stored(): Theme {
  const value = readItem(THEME_KEY);
  return THEMES.find((theme) => theme === value) ?? 'system';
}

const theme = new Store<Theme>(stored());

/** Sets `data-theme` on the root element; tokens.css switches `color-scheme` on it. */
export function applyTheme(next: Theme = theme.get()): void {
  if (next === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = next;
}

/** Picks a theme and remembers it. */
export function setTheme(next: Theme): void {
  writeItem(THEME_KEY, next);
  theme.set(next);
  applyTheme(next);
}

/** The next theme in the toggle's cycle: system → light → dark → system. */
export function nextTheme(current: Theme): Theme {
  return THEMES[(THEMES.indexOf(current) + 1) % THEMES.length] ?? 'system';
}

/** The theme the player picked. */
export function useTheme(): Theme {
  return useSyncExternalStore(theme.subscribe, theme.get);
}
