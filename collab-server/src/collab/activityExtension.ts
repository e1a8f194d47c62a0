import type { Extension, connectedPayload, onDisconnectPayload } from '@hocuspocus/server';
import type { RoomId } from '@scrawl/protocol';
import type { Logger } from 'pino';
import type { RoomRepository } from '../rooms/RoomRepository.js';
import { contextOf } from './context.js';

/** How often rooms with connected players are marked active, so a referee keeps them. */
export const ACTIVITY_INTERVAL_MS = 15_000;

/**
 * Marks rooms active in Postgres while players are connected to their game document; the
 * referee picks up rooms by this mark.
 */
export function activityExtension(
  rooms: RoomRepository,
  log: Logger,
): Extension & { stop(): void } {
  const connected = new Map<RoomId, number>();
  const touch = (roomId: RoomId) =>
    rooms
      .touch(roomId)
      .catch((error: unknown) => log.warn({ err: error, roomId }, 'could not mark room active'));
  const timer = setInterval(() => {
    for (const roomId of connected.keys()) void touch(roomId);
  }, ACTIVITY_INTERVAL_MS);
  timer.unref();

  return {
    extensionName: 'scrawl-activity',
    async connected({ connection }: connectedPayload): Promise<void> {
      const context = contextOf(connection);
      if (!context || context.doc.kind !== 'game' || context.principal.kind !== 'player') return;
      const roomId = context.doc.roomId;
      connected.set(roomId, (connected.get(roomId) ?? 0) + 1);
      await touch(roomId);
    },
    async onDisconnect({ context }: onDisconnectPayload): Promise<void> {
      const ctx = context as ReturnType<typeof contextOf>;
      if (!ctx || ctx.doc.kind !== 'game' || ctx.principal.kind !== 'player') return;
      const roomId = ctx.doc.roomId;
      const count = (connected.get(roomId) ?? 1) - 1;
      if (count <= 0) connected.delete(roomId);
      else connected.set(roomId, count);
    },
    stop() {
      clearInterval(timer);
    },
  };
}
