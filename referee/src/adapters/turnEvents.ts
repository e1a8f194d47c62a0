import { publicState } from '../rules/index.js';
import type { Effect, RoomState } from '../rules/types.js';
import type { TurnEvent } from './StateStore.js';

/** A step's hints and chat lines, kept with its turn for the replay. */
export function turnEvents(
  before: RoomState,
  after: RoomState,
  effects: readonly Effect[],
  now: number,
): TurnEvent[] {
  const canvasRound = after.turn?.canvasRound ?? before.turn?.canvasRound;
  if (canvasRound === undefined) return [];
  const events: TurnEvent[] = [];
  const hint = publicState(after).hint;
  if (
    after.phase === 'drawing' &&
    hint &&
    JSON.stringify(hint) !== JSON.stringify(publicState(before).hint)
  ) {
    events.push({ canvasRound, kind: 'hint', payload: hint, at: now });
  }
  for (const effect of effects) {
    if (effect.type === 'chat')
      events.push({ canvasRound, kind: 'chat', payload: effect.line, at: effect.line.at });
  }
  return events;
}
