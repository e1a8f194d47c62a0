import { applySettingsPatch, type PlayerId, type SettingsPatch } from '@scrawl/protocol';
import { type Ctx, findSeat, notice, say, whisper } from './context.js';
import { balanceRoles } from './seats.js';
import { startDrawing } from './turns.js';

/** The host's settings and the drawer's choice (SPEC S1–S3, P3). */

/** The host changes settings in the lobby; a refusal names the field. */
export function updateSettings(ctx: Ctx, playerId: PlayerId, patch: SettingsPatch): void {
  const { state } = ctx;
  const seat = findSeat(state, playerId);
  if (!seat) return;
  if (state.hostId !== playerId) return notice(ctx, playerId, 'Only the host can change settings');
  if (state.phase !== 'lobby') {
    return notice(ctx, playerId, 'Settings can change only in the lobby');
  }
  const result = applySettingsPatch(state.settings, patch);
  if (!result.ok) {
    const why = result.message.startsWith(result.field)
      ? result.message
      : `${result.field}: ${result.message}`;
    return notice(ctx, playerId, `Settings not changed: ${why}`);
  }
  state.settings = result.settings;
  balanceRoles(state);
  say(ctx, `${seat.name} changed the settings`);
  // The game document only counts the custom words: the host is told them as they now are.
  if (patch.customWords !== undefined) {
    whisper(ctx, playerId, { type: 'settings/words', words: [...state.settings.customWords] });
  }
}

/** The drawer picks one of the words whispered to them. */
export function chooseWord(ctx: Ctx, playerId: PlayerId, index: number): void {
  const turn = ctx.state.turn;
  if (!findSeat(ctx.state, playerId)) return;
  if (!turn || turn.stage !== 'choosing' || turn.drawerId !== playerId) {
    return notice(ctx, playerId, 'You have no word to choose now');
  }
  if (index >= turn.choices.length) return notice(ctx, playerId, 'There is no such word');
  startDrawing(ctx, index);
}
