export { createRoomState, step } from './step.js';
export { publicState } from './publicState.js';
export { wakeAt } from './clock.js';
export { whispersFor } from './whispers.js';
export { CLOSE_MIN_LETTERS, compactText, matchWord, normalizeText } from './normalize.js';
export { maskProfanity } from './profanity.js';
export {
  DRAWER_SHARE,
  FIRST_SOLVER_BONUS,
  GUESS_MAX,
  GUESS_MIN,
  drawerPoints,
  guessPoints,
} from './scoring.js';
export {
  BAN_MS,
  CHAT_BURST,
  CHAT_WINDOW_MS,
  CHOOSE_MS,
  DRAWER_GONE_MS,
  GAME_END_MS,
  SEAT_KEEP_MS,
  TURN_END_MS,
} from './timing.js';
export type {
  DbRecord,
  Effect,
  GameProgress,
  Input,
  Random,
  RoomState,
  Seat,
  Solve,
  StepResult,
  Turn,
} from './types.js';
