import { joinRoom } from '@scrawl/collab-server/testing';
import { BOARD_HEIGHT, BOARD_WIDTH } from '@scrawl/drawing-engine';
import { FaultProxy } from '../infra/faultProxy.js';
import type { Random } from '../random.js';
import { DrawingClient } from './DrawingClient.js';

/** Milliseconds between a visitor's cursor moves (the web app sends at most one per 50 ms). */
const MOVE_MS = 100;

/**
 * A player who joins a room's lobby board behind its own fault proxy and only moves its
 * cursor over it, until it goes: by closing the tab (its goodbye reaches the server), by a
 * connection reset (the server sees the socket die), or by losing its network for good
 * (nothing reaches anyone; only the awareness timeouts can clear its cursor).
 */
export class Visitor {
  private readonly mover: NodeJS.Timeout;
  private closed = false;

  private constructor(
    readonly client: DrawingClient,
    readonly proxy: FaultProxy,
    random: Random,
  ) {
    this.mover = setInterval(() => {
      const cursor = { x: random.int(0, BOARD_WIDTH - 1), y: random.int(0, BOARD_HEIGHT - 1) };
      client.canvas.awareness?.setLocalStateField('cursor', cursor);
    }, MOVE_MS);
  }

  /** Seats a new player in the room with this code and opens its lobby board. */
  static async join(options: {
    http: string;
    collabPort: number;
    code: string;
    name: string;
    random: Random;
  }): Promise<Visitor> {
    const seat = await joinRoom(options.http, options.code, options.name);
    const proxy = await FaultProxy.start(options.collabPort);
    const client = new DrawingClient(seat, proxy.wsUrl, options.random);
    const visitor = new Visitor(client, proxy, options.random.fork(1));
    await client.synced();
    return visitor;
  }

  /** The awareness client id its cursor is published under. */
  get clientId(): number {
    return this.client.doc.clientID;
  }

  /** Leaves: with `reset`, the connection is reset first, so no goodbye reaches the server. */
  leave(reset: boolean): void {
    if (reset) this.proxy.cut();
    this.close();
  }

  /** Loses the network for good: a black hole nobody lifts, the tab left open. */
  vanish(): void {
    this.proxy.holeOn();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.mover);
    this.client.close();
  }
}
