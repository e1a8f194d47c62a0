import * as Y from 'yjs';
import type { GameState, Whisper } from '@scrawl/protocol';
import type { HeadlessPlayer } from '../../testing/gameHarness.js';

/** One change of a room's game document, as the watching player received it. */
export interface Change {
  at: number;
  /** The Yjs clients that wrote it: every RoomDriver of the room is a client of its own. */
  writers: readonly number[];
  /** The public state once it was applied. */
  state: GameState | null;
}

/** Where a room stood when a referee was killed. */
export interface Mark {
  at: number;
  /** Changes received before the kill. */
  index: number;
  /** Every client that had written the room's document before the kill. */
  writers: ReadonlySet<number>;
  /** Each player's whisper count before the kill. */
  whispers: ReadonlyMap<HeadlessPlayer, number>;
}

/**
 * A room's game document as one of its players receives it, change by change, with who wrote
 * each change. Only the referee writes the document, and each RoomDriver has a Y.Doc (a Yjs
 * client) of its own: a change by a client that had not written before a kill is the first
 * write of the referee that took the room over. The state it leaves tells whether the game
 * resumed where it was.
 */
export class GameWatch {
  readonly changes: Change[] = [];
  private readonly seen = new Set<number>();

  constructor(
    private readonly players: readonly HeadlessPlayer[],
    private readonly watcher: HeadlessPlayer = players[0]!,
  ) {
    watcher.game.document.on('update', (update: Uint8Array) => {
      const writers = [...new Set(Y.decodeUpdate(update).structs.map((s) => s.id.client))];
      for (const writer of writers) this.seen.add(writer);
      this.changes.push({ at: Date.now(), writers, state: watcher.state });
    });
  }

  /** The latest public state. */
  get state(): GameState | null {
    return this.watcher.state;
  }

  /** When the room first showed the podium, if it did. */
  get podiumAt(): number | null {
    return this.changes.find((c) => c.state?.phase === 'gameEnd')?.at ?? null;
  }

  /** Notes where the room stands, just before a kill. */
  mark(): Mark {
    return {
      at: Date.now(),
      index: this.changes.length,
      writers: new Set(this.seen),
      whispers: new Map(this.players.map((p) => [p, p.whispers.length])),
    };
  }

  /** The state the room showed at a mark. */
  before(mark: Mark): GameState | null {
    return this.changes[mark.index - 1]?.state ?? null;
  }

  /** The first change after a mark by a client that had not written before it. */
  takeover(mark: Mark): Change | null {
    for (let i = mark.index; i < this.changes.length; i++) {
      const change = this.changes[i]!;
      if (change.writers.some((writer) => !mark.writers.has(writer))) return change;
    }
    return null;
  }

  /**
   * Whether the referee that took over went on from where the room stood at the kill: the same
   * step of the game or a later one of the same turn or the next (a step the killed referee
   * saved but never showed, a deadline that passed meanwhile), never back, no turn skipped,
   * no score lower.
   */
  resumed(mark: Mark, takeover: Change): boolean {
    const before = this.before(mark);
    const after = takeover.state;
    if (!before || !after) return false;
    const scoresKept = before.scoreboard.every(
      (seat) => (after.scoreboard.find((s) => s.id === seat.id)?.score ?? 0) >= seat.score,
    );
    if (before.phase === 'lobby' || before.phase === 'gameEnd')
      return after.phase === before.phase || after.phase === 'lobby';
    if (after.phase === 'gameEnd') return scoresKept;
    return (
      scoresKept &&
      step(after) >= step(before) &&
      after.canvasRound <= before.canvasRound + 1 &&
      after.round >= before.round
    );
  }

  /**
   * Whether a drawer the takeover found choosing or drawing was told their choices or word
   * again after the kill (SPEC P7: the drawer still knows their word); null when the room
   * was in no turn.
   */
  retold(mark: Mark, takeover: Change): boolean | null {
    const state = takeover.state;
    const kind: Whisper['type'] | null =
      state?.phase === 'choosing'
        ? 'word/choices'
        : state?.phase === 'drawing'
          ? 'word/secret'
          : null;
    if (!state || !kind) return null;
    const drawer = this.players.find((p) => state.drawerIds.includes(p.id));
    if (!drawer) return false;
    return drawer.whispers
      .slice(mark.whispers.get(drawer) ?? 0)
      .some((w) => w.type === kind && w.canvasRound === state.canvasRound);
  }

  /** Times a score shown on the scoreboard went down during a game (a start resets them). */
  scoresDown(): number {
    let down = 0;
    let previous: GameState | null = null;
    for (const { state } of this.changes) {
      if (!state) continue;
      const started = previous?.phase === 'lobby' && state.phase !== 'lobby';
      if (previous && !started) {
        for (const seat of state.scoreboard) {
          const was = previous.scoreboard.find((s) => s.id === seat.id);
          if (was && seat.score < was.score) down++;
        }
      }
      previous = state;
    }
    return down;
  }

  /** Turns shown again (choosing or drawing) after they ended, or after a later turn began. */
  turnsReplayed(): number {
    const replayed = new Set<number>();
    let ended = 0;
    let latest = 0;
    for (const { state } of this.changes) {
      if (!state || state.phase === 'lobby' || state.phase === 'gameEnd') continue;
      const c = state.canvasRound;
      if ((state.phase === 'choosing' || state.phase === 'drawing') && (c <= ended || c < latest))
        replayed.add(c);
      if (state.phase === 'turnEnd') ended = Math.max(ended, c);
      latest = Math.max(latest, c);
    }
    return replayed.size;
  }
}

/** The step of a turn a state shows, in play order. */
function step(state: GameState): number {
  const phases: readonly GameState['phase'][] = ['choosing', 'drawing', 'turnEnd'];
  return state.canvasRound * phases.length + phases.indexOf(state.phase);
}
