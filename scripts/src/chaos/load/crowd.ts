import { joinNewRoom } from '@scrawl/collab-server/testing';
import { canvasDocName, type JoinRoomResponse } from '@scrawl/protocol';
import { FaultProxy } from '../infra/faultProxy.js';
import type { Random } from '../random.js';
import { DrawingClient, type StrokeRecord } from './DrawingClient.js';
import { auditStrokes, docOf, sumAudits, type StrokeAudit } from './strokeAudit.js';

/** One drawing player of a crowd, with its own fault proxy when asked for. */
export interface Member {
  room: number;
  client: DrawingClient;
  proxy: FaultProxy | null;
}

/**
 * Rooms full of drawing players, each player on its own socket (through its own fault proxy
 * with `proxied`), all on the lobby board (`canvas/0`, where every player may draw).
 */
export class Crowd {
  private constructor(
    readonly members: Member[],
    readonly seats: JoinRoomResponse[][],
  ) {}

  static async join(options: {
    http: string;
    collabPort: number;
    rooms: number;
    perRoom: number;
    random: Random;
    proxied?: boolean;
    presence?: boolean;
    prefix?: string;
  }): Promise<Crowd> {
    const members: Member[] = [];
    const seats: JoinRoomResponse[][] = [];
    for (let r = 0; r < options.rooms; r++) {
      const names = Array.from(
        { length: options.perRoom },
        (_, i) => `${options.prefix ?? 'R'}${r}P${i}`,
      );
      const room = await joinNewRoom(options.http, names);
      seats.push(room.seats);
      for (const seat of room.seats) {
        const proxy = options.proxied ? await FaultProxy.start(options.collabPort) : null;
        const url = proxy?.wsUrl ?? `ws://127.0.0.1:${options.collabPort}/collab`;
        const client = new DrawingClient(seat, url, options.random.fork(members.length), {
          presence: options.presence ?? false,
        });
        members.push({ room: r, client, proxy });
      }
    }
    const crowd = new Crowd(members, seats);
    await Promise.all(members.map((m) => m.client.synced()));
    return crowd;
  }

  get clients(): DrawingClient[] {
    return this.members.map((m) => m.client);
  }

  startDrawing(): void {
    for (const m of this.members) m.client.startDrawing();
  }

  stopDrawing(): void {
    for (const m of this.members) m.client.stopDrawing();
  }

  /** Every stroke drawn in a room, by id. */
  drawnIn(room: number): Map<string, StrokeRecord> {
    const drawn = new Map<string, StrokeRecord>();
    for (const m of this.members)
      if (m.room === room) for (const [id, r] of m.client.drawn) drawn.set(id, r);
    return drawn;
  }

  /** Every client's board against every stroke drawn in its room. */
  auditClients(): StrokeAudit {
    return sumAudits(this.members.map((m) => auditStrokes(m.client.doc, this.drawnIn(m.room))));
  }

  /** Every room's stored lobby board (as `load` reads it) against every stroke drawn there. */
  async auditStore(
    load: (documentName: string) => Promise<Uint8Array | null>,
  ): Promise<StrokeAudit> {
    return sumAudits(
      await Promise.all(
        this.seats.map(async (seats, room) =>
          auditStrokes(docOf(await load(canvasDocName(seats[0]!.roomId, 0))), this.drawnIn(room)),
        ),
      ),
    );
  }

  get strokes(): number {
    return this.members.reduce((sum, m) => sum + m.client.drawn.size, 0);
  }

  get updates(): number {
    return this.members.reduce((sum, m) => sum + m.client.updates, 0);
  }

  get points(): number {
    return this.members.reduce((sum, m) => sum + m.client.points, 0);
  }

  /** Closes every client and proxy. */
  async close(): Promise<void> {
    for (const m of this.members) m.client.close();
    await Promise.all(this.members.flatMap((m) => (m.proxy ? [m.proxy.close()] : [])));
  }
}
