import type { GameState, Phase, Role } from '@scrawl/protocol';
import { currentSecret, type TurnSecret, type WhisperState } from '../room/whispers';

/** What this player's situation in the current turn is, derived from state and whispers. */
export interface TurnView {
  /** Null until the referee has written the game state. */
  readonly phase: Phase | null;
  readonly isHost: boolean;
  readonly isDrawer: boolean;
  readonly isSpectator: boolean;
  /** Guessed this turn's word. */
  readonly solved: boolean;
  /** The secret of this turn (choices, word, points), when this player has one. */
  readonly secret: TurnSecret | null;
  /** The word as this player may see it now: drawer and solvers during the turn, all after. */
  readonly word: string | null;
  /** Whatever is typed now is a guess. */
  readonly guessing: boolean;
  /** Names of this turn's drawers. */
  readonly drawerNames: readonly string[];
}

/** This player's view of the turn. */
export function turnView(
  game: GameState | null,
  whispers: WhisperState,
  self: { readonly id: string; readonly role: Role },
): TurnView {
  const isSpectator = self.role === 'spectator';
  const phase = game?.phase ?? null;
  const inTurn = phase === 'choosing' || phase === 'drawing';
  const isDrawer = inTurn && !isSpectator && (game?.drawerIds.includes(self.id) ?? false);
  const secret = inTurn ? currentSecret(whispers, game?.canvasRound ?? null) : null;
  const seat = game?.scoreboard.find((entry) => entry.id === self.id);
  const solved =
    phase === 'drawing' && (seat?.solved === true || (secret?.points ?? null) !== null);
  const ownWord = isDrawer || solved ? (secret?.word ?? null) : null;
  const word = inTurn ? ownWord : phase === 'turnEnd' ? (game?.word ?? null) : null;
  const names = new Map(game?.scoreboard.map((entry) => [entry.id, entry.name]) ?? []);
  return {
    phase,
    isHost: game?.hostId === self.id && !isSpectator,
    isDrawer,
    isSpectator,
    solved,
    secret,
    word,
    guessing: phase === 'drawing' && !isSpectator && !isDrawer && !solved,
    drawerNames: (game?.drawerIds ?? []).map((id) => names.get(id) ?? 'Someone'),
  };
}
