import { colorSchema } from '@scrawl/protocol';
import { readItem, writeItem } from './storage';

/**
 * What the browser remembers about the person between visits: their name, their colour and
 * a random device id (sent on every join, so a player removed from a room stays out).
 */
const NAME_KEY = 'scrawl.name';
const COLOR_KEY = 'scrawl.color';
const DEVICE_KEY = 'scrawl.device';

/** Characters of a device id: the join endpoint accepts [A-Za-z0-9_-], 16–64 of them. */
const DEVICE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** 24 characters of 64 are 144 bits: unguessable, and inside the endpoint's bounds. */
const DEVICE_LENGTH = 24;
const DEVICE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** The name the player used last time, or an empty string. */
export function loadName(): string {
  return readItem(NAME_KEY) ?? '';
}

/** Remembers the player's name for next time. */
export function saveName(name: string): void {
  writeItem(NAME_KEY, name);
}

/** The colour the player picked last time (`#rrggbb`), or null to let the server choose. */
export function loadColor(): string | null {
  const parsed = colorSchema.safeParse(readItem(COLOR_KEY));
  return parsed.success ? parsed.data : null;
}

/** Remembers the player's colour. */
export function saveColor(color: string): void {
  writeItem(COLOR_KEY, color);
}

/** Builds a device id from random bytes; 64 symbols, so every byte maps without bias. */
export function deviceIdFromBytes(bytes: Uint8Array): string {
  let id = '';
  for (let i = 0; i < DEVICE_LENGTH; i++) id += DEVICE_ALPHABET[(bytes[i] ?? 0) % 64];
  return id;
}

/** This browser's device id, created on first use and kept. */
export function deviceId(): string {
  const stored = readItem(DEVICE_KEY);
  if (stored && DEVICE_PATTERN.test(stored)) return stored;
  const id = deviceIdFromBytes(crypto.getRandomValues(new Uint8Array(DEVICE_LENGTH)));
  writeItem(DEVICE_KEY, id);
  return id;
}
