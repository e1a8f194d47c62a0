import { randomUUID } from 'node:crypto';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import {
  CHAT_KEY,
  GAME_STATE_KEY,
  MAX_CHAT_LINES,
  chatLineSchema,
  gameStateSchema,
  type ChatLine,
  type GameState,
  type PlayerId,
  type RefereeRpc,
  type RoomId,
  type Whisper,
} from '@scrawl/protocol';

/** The origin of every transaction the referee makes on a game document. */
export const REFEREE_ORIGIN = { source: 'referee' } as const;
/** How long the collab-server has to acknowledge a request. */
const ACK_TIMEOUT_MS = 2000;

/** A referee request the collab-server acknowledges. */
export type RefereeRequest = Extract<
  RefereeRpc,
  { type: 'canvas/setDrawers' | 'player/kick' | 'canvas/archive' }
>;

/**
 * The referee's side of one room's game document: writes the public state and chat lines,
 * whispers to one player, and sends requests the collab-server acknowledges.
 */
export class GameChannel {
  private published: Partial<GameState> = {};
  private readonly acks = new Map<string, (ok: boolean) => void>();

  constructor(
    private readonly provider: HocuspocusProvider,
    private readonly roomId: RoomId,
  ) {}

  /** Writes a public state (changed fields only) and new chat lines, in one transaction. */
  publish(state: GameState, lines: readonly ChatLine[] = []): void {
    // Parsed on the way out: the referee never publishes what browsers could not read (and
    // the values become plain objects of this realm, which Yjs insists on).
    const next = gameStateSchema.parse(state);
    const parsedLines = lines.map((line) => chatLineSchema.parse(line));
    const doc = this.provider.document;
    const map = doc.getMap(GAME_STATE_KEY);
    const chat = doc.getArray<ChatLine>(CHAT_KEY);
    doc.transact(() => {
      for (const [key, value] of Object.entries(next) as [keyof GameState, unknown][]) {
        if (JSON.stringify(this.published[key]) !== JSON.stringify(value) || !map.has(key))
          map.set(key, value);
      }
      if (parsedLines.length > 0) {
        chat.push(parsedLines);
        const excess = chat.length - MAX_CHAT_LINES;
        if (excess > 0) chat.delete(0, excess);
      }
    }, REFEREE_ORIGIN);
    this.published = next;
  }

  /** A private message to one player's connections only. */
  whisper(playerId: PlayerId, message: Whisper): void {
    const rpc: RefereeRpc = { type: 'whisper', roomId: this.roomId, playerId, message };
    this.provider.sendStateless(JSON.stringify(rpc));
  }

  /** Sends a request and resolves with the collab-server's answer (false after a timeout). */
  request(message: RefereeRequest, trace?: string): Promise<boolean> {
    const id = randomUUID();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.acks.delete(id);
        resolve(false);
      }, ACK_TIMEOUT_MS);
      this.acks.set(id, (ok) => {
        clearTimeout(timer);
        this.acks.delete(id);
        resolve(ok);
      });
      this.provider.sendStateless(JSON.stringify({ ...message, id, ...(trace ? { trace } : {}) }));
    });
  }

  /** Settles the request an acknowledgement answers. */
  acknowledge(id: string, ok: boolean): void {
    this.acks.get(id)?.(ok);
  }

  /** Fails every pending request (the room is being left). */
  close(): void {
    for (const settle of [...this.acks.values()]) settle(false);
  }
}
