/**
 * localStorage and sessionStorage without the failure modes: storage can be disabled
 * (privacy settings), full or read-only. The app still works then; it just forgets.
 */
type Area = 'local' | 'session';

function area(which: Area): Storage | null {
  try {
    return which === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return null;
  }
}

/** The stored string, or null when there is none or storage is unavailable. */
export function readItem(key: string, which: Area = 'local'): string | null {
  try {
    return area(which)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Stores a string; a failure only costs the convenience. */
export function writeItem(key: string, value: string, which: Area = 'local'): void {
  try {
    area(which)?.setItem(key, value);
  } catch {
    // Full or read-only storage: nothing to do.
  }
}

/** Removes a stored string. */
export function removeItem(key: string, which: Area = 'local'): void {
  try {
    area(which)?.removeItem(key);
  } catch {
    // Nothing stored, nothing lost.
  }
}

/** Reads stored JSON, or null when absent or unreadable. The caller parses it with a schema. */
export function readJson(key: string, which: Area = 'local'): unknown {
  const raw = readItem(key, which);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}
