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
  /** Which of the crowd's collab ports (instances) it connects to. */
  instance: number;
}

/**
 * Rooms full of drawing players, each player on its own socket (through its own fault proxy
 * with `proxied`), all on the lobby board (`canvas/0`, where every player may draw). Given
 * several collab ports (instances sharing one Redis), each room's players take them in turn.
 */
export class Crowd {
  private constructor(
    readonly members: Member[],
    readonly seats: JoinRoomResponse[][],
  ) {}

  static async join(options: {
    http: string;
    collabPort: number | readonly number[];
    rooms: number;
    perRoom: number;
    random: Random;
    proxied?: boolean;
    presence?: boolean;
    prefix?: string;
  }): Promise<Crowd> {
    const ports =
      typeof options.collabPort === 'number' ? [options.collabPort] : options.collabPort;
    const members: Member[] = [];
    const seats: JoinRoomResponse[][] = [];
    for (let r = 0; r < options.rooms; r++) {
      const names = Array.from(
        { length: options.perRoom },
        (_, i) => `${options.prefix ?? 'R'}${r}P${i}`,
      );
      const room = await joinNewRoom(options.http, names);
      seats.push(room.seats);
      for (const [i, seat] of room.seats.entries()) {
        const instance = i % ports.length;
        const proxy = options.proxied ? await FaultProxy.start(ports[instance]!) : null;
        const url = proxy?.wsUrl ?? `ws://127.0.0.1:${ports[instance]!}/collab`;
        const client = new DrawingClient(seat, url, options.random.fork(members.length), {
          presence: options.presence ?? false,
        });
        members.push({ room: r, client, proxy, instance });
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

  /** Every stroke drawn so far, room by room: a snapshot to audit against later. */
  drawnByRoom(): Map<string, StrokeRecord>[] {
    return this.seats.map((_, room) => this.drawnIn(room));
  }

  /**
   * Every client's board (or only those of `members`: the players still there) against every
   * stroke drawn in its room (or in `drawn`, a snapshot of `drawnByRoom()`: strokes drawn
   * after it count as foreign).
   */
  auditClients(drawn = this.drawnByRoom(), members: readonly Member[] = this.members): StrokeAudit {
    return sumAudits(members.map((m) => auditStrokes(m.client.doc, drawn[m.room]!)));
  }

  /**
   * Every room's stored lobby board (as `load` reads it) against every stroke drawn there (or
   * in `drawn`, as for `auditClients`).
   */
  async auditStore(
    load: (documentName: string) => Promise<Uint8Array | null>,
    drawn = this.drawnByRoom(),
  ): Promise<StrokeAudit> {
    return sumAudits(
      await Promise.all(
        this.seats.map(async (seats, room) =>
          auditStrokes(docOf(await load(canvasDocName(seats[0]!.roomId, 0))), drawn[room]!),
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

/** `perRoom` members of every room (`perRoom(room)` if a function), picked at random. */
export function pickPerRoom(
  crowd: Crowd,
  perRoom: number | ((room: number) => number),
  random: Random,
): Member[] {
  return crowd.seats.flatMap((_, room) => {
    const members = crowd.members.filter((m) => m.room === room);
    const wanted = Math.min(typeof perRoom === 'number' ? perRoom : perRoom(room), members.length);
    const picked: Member[] = [];
    while (picked.length < wanted) {
      const m = random.pick(members);
      if (!picked.includes(m)) picked.push(m);
    }
    return picked;
  });
}
