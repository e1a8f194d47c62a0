import type { Migration } from 'kysely/migration';
import * as initial from './2026_11_25_0001_initial.js';
import * as roundDrawers from './2026_11_25_0002_round_drawers.js';
import * as games from './2026_11_25_0003_games.js';
import * as voiceEvents from './2026_11_25_0004_voice_events.js';
import * as replays from './2026_11_25_0005_replays.js';

/** Every migration, keyed by a name that sorts in the order they must run. */
export const migrations: Record<string, Migration> = {
  '2026_11_25_0001_initial': initial,
  '2026_11_25_0002_round_drawers': roundDrawers,
  '2026_11_25_0003_games': games,
  '2026_11_25_0004_voice_events': voiceEvents,
  '2026_11_25_0005_replays': replays,
};
