import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The names the launcher looks for livekit-server under (scripts/src/start/livekit.ts). */
const LIVEKIT_NAMES = ['livekit-server', 'server'];

/**
 * An environment in which `npm start` finds no livekit-server, so voice is off: PATH without
 * the folders that hold one, and HOME an empty folder (no ~/go/bin/server). LIVEKIT_URL is
 * emptied too, in case the caller's environment sets it.
 */
export function voiceOffEnv(): Record<string, string> {
  const path = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '' && !LIVEKIT_NAMES.some((name) => existsSync(join(dir, name))))
    .join(delimiter);
  return { PATH: path, HOME: mkdtempSync(join(tmpdir(), 'scrawl-home-')), LIVEKIT_URL: '' };
}
