/**
 * The referee's clock rules: how long each phase and grace period lasts. All in ms, so
 * they compare directly with the server epoch times that inputs carry.
 */

/** The drawer has this long to pick a word; then one is picked for them (15 s: skribbl's). */
export const CHOOSE_MS = 15_000;
/** Word and points stay on screen between turns: long enough to read, short enough to flow. */
export const TURN_END_MS = 5_000;
/** The podium stays up this long before the room returns to the lobby. */
export const GAME_END_MS = 15_000;
/** A disconnected player keeps seat and score this long: a reload or a network blip. */
export const SEAT_KEEP_MS = 60_000;
/** A drawer away this long loses the turn: the others should not wait for the whole turn. */
export const DRAWER_GONE_MS = 15_000;
/** A removed player may not come back for this long. */
export const BAN_MS = 10 * 60_000;
/** Chat rate limit: at most this many messages … */
export const CHAT_BURST = 5;
/** … per this window, per player. Enough for quick guessing, too few to flood. */
export const CHAT_WINDOW_MS = 3_000;
/** Idle turns (could guess, sent nothing) after which a player no longer counts against the drawer. */
export const IDLE_TURNS_LIMIT = 2;
/** Bounds the catch-up loop of time transitions: far above any real backlog. */
export const MAX_TRANSITIONS_PER_STEP = 10_000;
