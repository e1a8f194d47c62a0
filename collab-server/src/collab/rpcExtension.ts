import type { Extension, connectedPayload, onStatelessPayload } from '@hocuspocus/server';
import {
  MAX_CLIENT_RPC_BYTES,
  clientRpcSchema,
  parseJsonMessage,
  refereeRpcSchema,
  type PlayerConnected,
  type PlayerRpc,
  type ToReferee,
  type Whisper,
} from '@scrawl/protocol';
import type { Logger } from 'pino';
import { context as otelContext } from '@opentelemetry/api';
import { contextFrom, inSpan, traceparentOf } from '../tracing.js';
import { contextOf } from './context.js';
import type { ReplayArchiver } from '../replay/ReplayArchiver.js';
import type { DrawerRegistry } from './DrawerRegistry.js';
import type { RpcBus } from './RpcBus.js';

/** What a spectator may send: chat and reports. */
const SPECTATOR_MESSAGES: ReadonlySet<string> = new Set(['chat/send', 'player/report']);

/** `{ [key]: value }` when the value is defined, `{}` otherwise (for optional fields). */
function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/**
 * The RPC channel. A browser's stateless message on its room's game document is
 * validated, stamped with the authenticated sender and forwarded to the referee; the
 * referee's messages are whispers to one player or instructions to this server. Each new
 * player socket on a game document is announced to the referee.
 * Stateless messages on canvas documents are not part of the protocol and are dropped.
 */
export function rpcExtension(deps: {
  bus: RpcBus;
  drawers: DrawerRegistry;
  archiver: ReplayArchiver;
  log: Logger;
}): Extension {
  return {
    extensionName: 'scrawl-rpc',
    /** Tells the referee of each new player socket, so lost whispers are sent again. */
    async connected({ connection }: connectedPayload): Promise<void> {
      const context = contextOf(connection);
      if (!context || context.doc.kind !== 'game' || context.principal.kind !== 'player') return;
      if (context.principal.claims.role !== 'player') return;
      const hello: PlayerConnected = {
        type: 'player/connected',
        roomId: context.doc.roomId,
        playerId: context.principal.claims.sub,
      };
      deps.bus.send(context.doc.roomId, { to: 'referee' }, JSON.stringify(hello));
    },
    async onStateless({ connection, payload }: onStatelessPayload): Promise<void> {
      const context = contextOf(connection);
      if (!context || context.doc.kind !== 'game') return;
      const { principal, doc } = context;

      if (principal.kind === 'referee') {
        const parsed = parseJsonMessage(refereeRpcSchema, payload);
        if (!parsed.ok) {
          deps.log.warn({ error: parsed.error }, 'referee sent an invalid RPC message');
          return;
        }
        const message = parsed.value;
        if (message.roomId !== doc.roomId) return;
        const ack = (ok: boolean, error?: string) => {
          if (message.id === undefined) return;
          const reply: ToReferee = { type: 'ack', id: message.id, ok, ...(error ? { error } : {}) };
          connection.sendStateless(JSON.stringify(reply));
        };
        await inSpan(
          `rpc from referee ${message.type}`,
          contextFrom(message.trace),
          { 'scrawl.room': message.roomId },
          async () => {
            try {
              if (message.type === 'whisper') {
                deps.bus.send(
                  message.roomId,
                  { to: 'player', playerId: message.playerId },
                  JSON.stringify(message.message),
                );
              } else if (message.type === 'player/kick') {
                deps.bus.kick(message.roomId, message.playerId);
              } else if (message.type === 'canvas/archive') {
                const result = await deps.archiver.archive(message.roomId, message.round);
                deps.log.info(
                  { roomId: message.roomId, round: message.round, ...result },
                  'turn archived',
                );
              } else {
                await deps.drawers.set(message.roomId, message.round, message.playerIds);
              }
              ack(true);
            } catch (error) {
              deps.log.warn({ err: error, type: message.type }, 'referee message failed');
              ack(false, error instanceof Error ? error.message : String(error));
            }
          },
        );
        return;
      }

      const reply = (whisper: Whisper) => connection.sendStateless(JSON.stringify(whisper));
      const spectator = principal.claims.role !== 'player';
      if (Buffer.byteLength(payload) > MAX_CLIENT_RPC_BYTES) {
        reply({ type: 'notice', level: 'error', text: 'That message is too long.' });
        return;
      }
      const parsed = parseJsonMessage(clientRpcSchema, payload);
      if (!parsed.ok) {
        reply({
          type: 'notice',
          level: 'error',
          text: `The server could not read that message: ${parsed.error}.`,
        });
        return;
      }
      // Spectators talk (the referee keeps the word from their lines) but play no part.
      if (spectator && !SPECTATOR_MESSAGES.has(parsed.value.type)) {
        reply({
          type: 'notice',
          level: 'error',
          text: 'Spectators watch: they can chat, but not play.',
        });
        return;
      }
      const message = parsed.value;
      await inSpan(
        `rpc ${message.type}`,
        otelContext.active(),
        { 'scrawl.room': doc.roomId },
        async (span) => {
          const forwarded: PlayerRpc = {
            type: 'player/rpc',
            roomId: doc.roomId,
            playerId: principal.claims.sub,
            name: principal.claims.name,
            at: Date.now(),
            message,
            ...optional('trace', traceparentOf(span)),
          };
          deps.bus.send(doc.roomId, { to: 'referee' }, JSON.stringify(forwarded));
        },
      );
    },
  };
}
