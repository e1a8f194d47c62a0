import type { Hocuspocus } from '@hocuspocus/server';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { CloseCodes, gameDocName, type PlayerId, type RoomId } from '@scrawl/protocol';
import { connectionsOf, isPlayer } from './context.js';
import { redisKeys } from '../store/redisKeys.js';

/** Who an RPC payload is for. */
export type RpcTarget = { to: 'referee' } | { to: 'player'; playerId: PlayerId };

const envelopeSchema = z.object({
  origin: z.string(),
  roomId: z.string(),
  target: z.union([
    z.object({ to: z.literal('referee') }),
    z.object({ to: z.literal('player'), playerId: z.string() }),
  ]),
  payload: z.string(),
  /** Close the target's sockets instead of delivering a payload. */
  kick: z.boolean().optional(),
});

/**
 * Delivers RPC payloads on a room's game document to the referee's connections or to one
 * player's connections — never to anyone else. Delivery happens on this instance at once;
 * with Redis, the payload is also published so other instances deliver to their own
 * sockets (filtering at the edge, so a whisper is only ever written to its player).
 */
export class RpcBus {
  private readonly keys;
  /** How this instance's own envelopes begin (`route` writes `origin` first). */
  private readonly ownEnvelope: string;

  constructor(
    private readonly hocuspocus: Hocuspocus,
    private readonly instanceId: string,
    private readonly redis: { pub: Redis; sub: Redis; prefix: string } | null,
  ) {
    this.keys = redisKeys(redis?.prefix ?? 'scrawl');
    this.ownEnvelope = `{"origin":${JSON.stringify(instanceId)},`;
  }

  /** Subscribes to other instances' traffic (no-op without Redis). */
  async start(): Promise<void> {
    if (!this.redis) return;
    this.redis.sub.on('pmessage', (_pattern: string, _channel: string, message: string) => {
      this.receive(message);
    });
    await this.redis.sub.psubscribe(this.keys.rpcPattern());
  }

  /** Sends a payload to a target in a room; returns how many local sockets got it. */
  send(roomId: RoomId, target: RpcTarget, payload: string): number {
    return this.route(roomId, target, payload, false);
  }

  /** Closes every socket of a removed player in a room, on every instance. */
  kick(roomId: RoomId, playerId: PlayerId): number {
    return this.route(roomId, { to: 'player', playerId }, '', true);
  }

  private route(roomId: RoomId, target: RpcTarget, payload: string, kick: boolean): number {
    const delivered = this.deliver(roomId, target, payload, kick);
    if (this.redis) {
      const envelope = JSON.stringify({ origin: this.instanceId, roomId, target, payload, kick });
      this.redis.pub.publish(this.keys.rpcChannel(roomId), envelope).catch(() => {
        // Redis down: local delivery already happened; other instances miss this one.
      });
    }
    return delivered;
  }

  private receive(message: string): void {
    // Every envelope comes back to its sender through the pattern subscription: those are
    // dropped unread (parsing and checking each one cost 2 % of a busy server's time).
    if (message.startsWith(this.ownEnvelope)) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      return;
    }
    const envelope = envelopeSchema.safeParse(parsed);
    if (!envelope.success || envelope.data.origin === this.instanceId) return;
    const { roomId, target, payload, kick } = envelope.data;
    this.deliver(roomId as RoomId, target as RpcTarget, payload, kick === true);
  }

  private deliver(roomId: RoomId, target: RpcTarget, payload: string, kick: boolean): number {
    const connections = connectionsOf(this.hocuspocus, gameDocName(roomId), (context) =>
      target.to === 'referee'
        ? context.principal.kind === 'referee'
        : isPlayer(context, roomId, target.playerId),
    );
    for (const connection of connections) {
      if (kick) connection.webSocket.close(CloseCodes.kicked.code, CloseCodes.kicked.reason);
      else connection.sendStateless(payload);
    }
    return connections.length;
  }
}
