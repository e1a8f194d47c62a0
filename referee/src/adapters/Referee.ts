import { HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import WebSocket from 'ws';
import {
  serviceToken,
  withDocumentAliases,
  type Database,
  type PlayerId,
  type RoomId,
} from '@scrawl/protocol';
import type { LeaseStore } from './LeaseStore.js';
import { RoomDriver } from './RoomDriver.js';
import { StateStore } from './StateStore.js';

/** A room with no player connected this long is handed back. */
export const EMPTY_ROOM_GRACE_MS = 60_000;
/** Rooms whose game document had a player this recently are picked up. */
export const ACTIVE_WINDOW_MS = 60_000;

export interface RefereeOptions {
  collabUrl: string;
  secret: string;
  instanceId: string;
  pollMs: number;
  db: Kysely<Database>;
  leases: LeaseStore;
  log: Logger;
  /** Silences or restores a player's microphone; a no-op without voice. */
  voice?: (roomId: RoomId, playerId: PlayerId, publish: boolean) => Promise<void>;
}

/**
 * The referee process's loop: claims active rooms by lease, drives each through a
 * RoomDriver over one shared WebSocket to the collab-server, renews its leases and hands
 * rooms back when they empty or when it stops.
 */
export class Referee {
  readonly socket: HocuspocusProviderWebsocket;
  private readonly drivers = new Map<string, RoomDriver>();
  private readonly store: StateStore;
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;
  private connected = false;
  private lastTickOk = false;
  private stopped = false;

  constructor(private readonly options: RefereeOptions) {
    this.store = new StateStore(options.db);
    this.socket = new HocuspocusProviderWebsocket({
      url: options.collabUrl,
      WebSocketPolyfill: withDocumentAliases(WebSocket),
      // 'connect' fires on the first message, which never comes while no room is open;
      // the socket's status says when it is open.
      onStatus: ({ status }) => {
        this.connected = status === WebSocketStatus.Connected;
      },
    });
  }

  /** Rooms this referee drives now. */
  get roomCount(): number {
    return this.drivers.size;
  }

  /** Whether this referee drives the room now. */
  drives(roomId: string): boolean {
    return this.drivers.has(roomId);
  }

  /** The driver of a room, if this referee drives it. */
  driver(roomId: string): RoomDriver | undefined {
    return this.drivers.get(roomId);
  }

  /** Whether the referee can do its work: collab-server connected and database answering. */
  get ready(): boolean {
    return this.connected && this.lastTickOk;
  }

  /** Starts polling for rooms. */
  start(): void {
    const loop = async () => {
      await this.tick();
      if (!this.stopped) this.timer = setTimeout(() => void loop(), this.options.pollMs);
    };
    void loop();
  }

  /** One pass: renew held leases, drop empty rooms, claim new ones. */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    const { leases, log } = this.options;
    try {
      const now = Date.now();
      for (const [roomId, driver] of this.drivers) {
        if (driver.emptyFor(now) > EMPTY_ROOM_GRACE_MS) {
          this.drop(roomId);
          await leases.release(driver.roomId);
          log.info({ roomId }, 'room empty: released');
        } else if (!(await leases.acquire(driver.roomId))) {
          this.drop(roomId);
          log.warn({ roomId }, 'lease lost to another referee');
        }
      }
      for (const room of await leases.claimable(ACTIVE_WINDOW_MS)) {
        if (this.drivers.has(room.id) || !(await leases.acquire(room.id))) continue;
        const driver = new RoomDriver(room.id, room.code, room.isPublic, {
          socket: this.socket,
          token: serviceToken(this.options.instanceId, this.options.secret),
          store: this.store,
          log,
          now: () => Date.now(),
          random: Math.random,
          voice: this.options.voice ?? (() => Promise.resolve()),
          onLost: (lost) => {
            this.drivers.delete(lost);
          },
        });
        this.drivers.set(room.id, driver);
        log.info({ roomId: room.id, code: room.code }, 'driving room');
      }
      this.lastTickOk = true;
    } catch (error) {
      this.lastTickOk = false;
      log.warn({ err: error }, 'referee pass failed; retrying');
    } finally {
      this.ticking = false;
    }
  }

  /** Hands every room back and closes the connection. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.ticking) await new Promise((resolve) => setTimeout(resolve, 10));
    const held = [...this.drivers.values()];
    for (const driver of held) this.drop(driver.roomId);
    await Promise.allSettled(held.map((driver) => this.options.leases.release(driver.roomId)));
    this.socket.destroy();
  }

  private drop(roomId: string): void {
    this.drivers.get(roomId)?.destroy();
    this.drivers.delete(roomId);
  }
}
