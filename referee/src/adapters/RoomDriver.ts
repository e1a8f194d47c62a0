import { HocuspocusProvider, type HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import {
  gameDocName,
  parseJsonMessage,
  presenceSchema,
  toRefereeSchema,
  type ChatLine,
  type PlayerId,
  type PresencePlayer,
  type RoomCode,
  type RoomId,
} from '@scrawl/protocol';
import { createRoomState, publicState, step, wakeAt, whispersFor } from '../rules/index.js';
import type { Effect, Input, Random, RoomState } from '../rules/types.js';
import { contextFrom, inSpan, traceparentOf } from '../tracing.js';
import { GameChannel } from './GameChannel.js';
import { LostOwnershipError, type RoomSummary, type StateStore } from './StateStore.js';
import { turnEvents } from './turnEvents.js';

/** Asks for a turn's drawers before announcing the turn regardless. */
const DRAWER_ATTEMPTS = 3;
/** Requests for a turn's replay before giving up until the room's next takeover. */
const ARCHIVE_ATTEMPTS = 6;

/** What a driver needs from outside; tests pin time and randomness through it. */
export interface DriverDeps {
  socket: HocuspocusProviderWebsocket;
  token: string;
  store: StateStore;
  log: Logger;
  now(): number;
  random: Random;
  /** Silences or restores a player's microphone (voice), when voice is on. */
  voice(roomId: RoomId, playerId: PlayerId, publish: boolean): Promise<void>;
  /** Called when another referee took the room over: this driver has stopped. */
  onLost(roomId: RoomId): void;
}

/**
 * Drives one room: feeds presence, players' messages and time into the rules, saves the
 * resulting state to Postgres (fenced, with its records), then carries out the effects and
 * writes the public projection into the room's game document. Inputs are handled one at a
 * time, in arrival order.
 */
export class RoomDriver {
  readonly provider: HocuspocusProvider;
  private state: RoomState | null = null;
  private version: number | null = null;
  private readonly queue: { input: Input; trace: string | undefined }[] = [];
  /** The traceparent of the step being handled, sent along with requests it makes. */
  private trace: string | undefined;
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private synced = false;
  private lastPresence = '';
  /** The room summary this driver last saved: a step that leaves it as it was skips it. */
  private savedSummary = '';
  private readonly channel: GameChannel;
  private readonly createdAt: number;

  constructor(
    readonly roomId: RoomId,
    private readonly roomCode: RoomCode,
    private readonly isPublic: boolean,
    private readonly deps: DriverDeps,
  ) {
    this.createdAt = deps.now();
    this.provider = new HocuspocusProvider({
      websocketProvider: deps.socket,
      name: gameDocName(roomId),
      document: new Y.Doc(),
      token: deps.token,
      onSynced: () => void this.onSynced(),
      onStateless: ({ payload }) => this.onStateless(payload),
      onAuthenticationFailed: ({ reason }) =>
        deps.log.error({ roomId, reason }, 'collab-server refused the referee'),
    });
    this.channel = new GameChannel(this.provider, roomId);
    this.provider.attach();
    this.provider.awareness?.on('change', () => this.onPresence());
  }

  /** How long no player has been connected (0 while someone is). */
  emptyFor(now: number): number {
    if (!this.state) return 0;
    const connected = this.state.seats.some((seat) => seat.connected);
    if (connected) return 0;
    const last = Math.max(0, ...this.state.seats.map((seat) => seat.disconnectedAt ?? 0));
    return last === 0 ? now - this.createdAt : now - last;
  }

  /** The current room state (tests and metrics read it). */
  get current(): RoomState | null {
    return this.state;
  }

  /** Leaves the document and stops handling inputs. */
  destroy(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.channel.close();
    this.provider.destroy();
  }

  private get doc(): Y.Doc {
    return this.provider.document;
  }

  private async onSynced(): Promise<void> {
    if (this.synced) return;
    this.synced = true;
    try {
      const saved = await this.deps.store.load(this.roomId);
      if (saved?.state) {
        this.state = saved.state;
        this.version = saved.version;
        this.deps.log.info({ roomId: this.roomId, phase: this.state.phase }, 'room resumed');
      } else {
        const fresh = createRoomState(this.roomId, this.roomCode, this.deps.now());
        // The room was created public or private; the host may change it later (settings).
        this.state = { ...fresh, settings: { ...fresh.settings, public: this.isPublic } };
        this.version = saved?.version ?? null;
      }
      // A referee killed between saving a turn and the collab-server's acknowledgement of
      // its drawers left the drawer unable to draw: name them again (idempotent).
      const turn = this.state.turn;
      if (turn && turn.stage !== 'ended') void this.setDrawers(turn.canvasRound, [turn.drawerId]);
      this.publish(this.state);
      // After a takeover, tell present players what only they may know (the drawer's word).
      for (const seat of this.state.seats.filter((s) => s.connected))
        this.tellSecrets(this.state, seat.id);
      this.onPresence();
      this.enqueue({ type: 'tick', now: this.deps.now() });
    } catch (error) {
      this.deps.log.error({ err: error, roomId: this.roomId }, 'could not load the room state');
      this.lose();
      return;
    }
    // Turns that ended while no referee could ask for their replay.
    this.deps.store.unarchivedTurns(this.roomId).then(
      (rounds) => rounds.forEach((canvasRound) => void this.archive(canvasRound)),
      (error: unknown) =>
        this.deps.log.warn({ err: error, roomId: this.roomId }, 'could not list turns to archive'),
    );
  }

  /** Names a turn's drawers to the collab-server: asked again if unanswered (idempotent). */
  private async setDrawers(canvasRound: number, playerIds: PlayerId[]): Promise<void> {
    let ok = false;
    for (let attempt = 1; !ok && attempt <= DRAWER_ATTEMPTS && !this.stopped; attempt++) {
      ok = await this.channel.request(
        { type: 'canvas/setDrawers', roomId: this.roomId, round: canvasRound, playerIds },
        this.trace,
      );
    }
    if (!ok) this.deps.log.error({ roomId: this.roomId, canvasRound }, 'drawers not acknowledged');
  }

  /** Whispers to a player what only they may know now (SPEC P7). */
  private tellSecrets(state: RoomState, playerId: PlayerId): void {
    for (const message of whispersFor(state, playerId)) this.channel.whisper(playerId, message);
  }

  private onPresence(): void {
    const awareness = this.provider.awareness;
    // While the referee's own connection is down, the provider clears everyone's presence:
    // that says nothing about the players. It is read again once the document is in sync.
    if (!awareness || !this.state || !this.provider.isSynced) return;
    const players: PresencePlayer[] = [];
    const seen = new Set<string>();
    for (const [clientId, entry] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const parsed = presenceSchema.safeParse(entry);
      if (!parsed.success || seen.has(parsed.data.player.id)) continue;
      seen.add(parsed.data.player.id);
      players.push(parsed.data.player);
    }
    const key = players
      .map((p) => p.id)
      .sort()
      .join(',');
    if (key === this.lastPresence) return;
    this.lastPresence = key;
    this.enqueue({ type: 'presence', players, now: this.deps.now() });
  }

  private onStateless(payload: string): void {
    const parsed = parseJsonMessage(toRefereeSchema, payload);
    if (!parsed.ok) {
      this.deps.log.warn(
        { roomId: this.roomId, error: parsed.error },
        'unreadable RPC from collab-server',
      );
      return;
    }
    const message = parsed.value;
    if (message.type === 'ack') {
      this.channel.acknowledge(message.id, message.ok);
      return;
    }
    if (message.type === 'player/connected') {
      // Before the state is loaded, onSynced tells every connected seat.
      if (this.state) this.tellSecrets(this.state, message.playerId);
      return;
    }
    this.enqueue(
      {
        type: 'rpc',
        playerId: message.playerId,
        name: message.name,
        message: message.message,
        now: message.at,
      },
      message.trace,
    );
  }

  private enqueue(input: Input, trace?: string): void {
    if (this.stopped) return;
    this.queue.push({ input, trace });
    if (!this.running) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0 && !this.stopped && this.state) {
        const { input, trace } = this.queue.shift()!;
        const before = this.state;
        const name =
          input.type === 'rpc' ? `referee rpc ${input.message.type}` : `referee ${input.type}`;
        await inSpan(name, contextFrom(trace), { 'scrawl.room': this.roomId }, async (span) => {
          this.trace = traceparentOf(span);
          await this.handle(before, input);
        });
        this.trace = undefined;
      }
    } finally {
      this.running = false;
    }
    this.schedule();
  }

  private async handle(before: RoomState, input: Input): Promise<void> {
    const { state, effects } = step(before, input, this.deps.random);
    if (state === before && effects.length === 0) return;
    const records = effects.flatMap((effect) => (effect.type === 'record' ? [effect.record] : []));
    const bans = effects.flatMap((effect) =>
      effect.type === 'kick' ? [{ playerId: effect.playerId, until: effect.until }] : [],
    );
    const events = turnEvents(before, state, effects, input.now);
    const summary: RoomSummary = {
      players: state.seats.filter((seat) => seat.connected && seat.role === 'player').length,
      phase: state.phase,
      isPublic: state.settings.public,
    };
    const summaryKey = JSON.stringify(summary);
    try {
      this.version = await this.deps.store.save(
        state,
        this.version,
        records,
        bans,
        // Most steps (chat, guesses, ticks) leave it as it was: one statement fewer each.
        summaryKey === this.savedSummary ? null : summary,
        events,
      );
      this.savedSummary = summaryKey;
    } catch (error) {
      if (error instanceof LostOwnershipError) {
        this.deps.log.warn(
          { roomId: this.roomId },
          'another referee saved this room: handing it over',
        );
        this.lose();
        return;
      }
      // The database is unreachable: the input is lost, the state stays as it was saved.
      this.deps.log.error(
        { err: error, roomId: this.roomId, input: input.type },
        'could not save the room state',
      );
      return;
    }
    this.state = state;
    await this.apply(state, effects);
  }

  private async apply(state: RoomState, effects: readonly Effect[]): Promise<void> {
    // Drawers first: the collab-server must know them before anyone sees the new turn.
    for (const effect of effects) {
      if (effect.type === 'setDrawers') await this.setDrawers(effect.canvasRound, effect.playerIds);
    }
    this.publish(
      state,
      effects.flatMap((effect) => (effect.type === 'chat' ? [effect.line] : [])),
    );
    for (const effect of effects) {
      switch (effect.type) {
        case 'whisper':
          this.channel.whisper(effect.playerId, effect.message);
          break;
        case 'kick':
          void this.channel.request(
            { type: 'player/kick', roomId: this.roomId, playerId: effect.playerId },
            this.trace,
          );
          break;
        case 'record':
          if (effect.record.type === 'turn/end') void this.archive(effect.record.canvasRound);
          break;
        case 'voice':
          this.deps.voice(this.roomId, effect.playerId, effect.publish).catch((error: unknown) => {
            this.deps.log.warn(
              { err: error, roomId: this.roomId },
              'voice permission change failed',
            );
          });
          break;
        default:
          break;
      }
    }
  }

  /**
   * Asks the collab-server to store a finished turn's replay, and asks again (with growing
   * pauses) until it acknowledges: the request may be lost with a dying instance.
   */
  private async archive(canvasRound: number, attempt = 1): Promise<void> {
    const ok = await this.channel.request(
      { type: 'canvas/archive', roomId: this.roomId, round: canvasRound },
      this.trace,
    );
    if (ok || this.stopped) return;
    if (attempt >= ARCHIVE_ATTEMPTS) {
      this.deps.log.warn(
        { roomId: this.roomId, canvasRound },
        'turn not archived; the next takeover retries',
      );
      return;
    }
    setTimeout(() => void this.archive(canvasRound, attempt + 1), 1000 * attempt);
  }

  /** Writes the public projection of a state and new chat lines. */
  private publish(state: RoomState, lines: readonly ChatLine[] = []): void {
    this.channel.publish(publicState(state), lines);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.stopped || !this.state) return;
    const at = wakeAt(this.state);
    if (at === null) return;
    this.timer = setTimeout(
      () => this.enqueue({ type: 'tick', now: this.deps.now() }),
      Math.max(0, at - this.deps.now()),
    );
  }

  private lose(): void {
    this.destroy();
    this.deps.onLost(this.roomId);
  }
}
