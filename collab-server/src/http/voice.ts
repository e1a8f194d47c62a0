import type { FastifyInstance } from 'fastify';
import * as Y from 'yjs';
import type { Hocuspocus } from '@hocuspocus/server';
import {
  GAME_STATE_KEY,
  gameDocName,
  gameStateSchema,
  roomCodeSchema,
  type GameState,
  type RoomId,
  type VoiceTokenResponse,
} from '@scrawl/protocol';
import { verifySessionToken } from '../auth/tokens.js';
import type { Db } from '../db/database.js';
import type { RoomRepository } from '../rooms/RoomRepository.js';
import type { DocumentStore } from '../store/DocumentStore.js';
import type { VoiceService } from '../voice/VoiceService.js';
import { sendError } from './errors.js';

/** LiveKit signs webhooks with this content type. */
const WEBHOOK_CONTENT_TYPE = 'application/webhook+json';
/** Largest webhook body accepted. */
const WEBHOOK_BODY_LIMIT = 64 * 1024;

export interface VoiceDeps {
  voice: VoiceService | null;
  rooms: RoomRepository;
  db: Db;
  store: DocumentStore;
  hocuspocus: Hocuspocus;
  sessionSecret: string;
}

/**
 * Voice endpoints: a LiveKit token for a seat (players speak and listen, spectators listen,
 * the drawer is silent while drawing when the room says so) and LiveKit's webhook.
 */
export function registerVoice(app: FastifyInstance, deps: VoiceDeps): void {
  app.get<{ Params: { code: string } }>('/api/rooms/:code/voice-token', async (request, reply) => {
    if (!deps.voice) return sendError(reply, 'unavailable', 'Voice is off on this server.');
    const code = roomCodeSchema.safeParse(request.params.code);
    if (!code.success)
      return sendError(
        reply,
        'bad_request',
        'room code must be 6 letters or digits, like K7PQ2X',
        'code',
      );
    const header = request.headers.authorization ?? '';
    const principal = await verifySessionToken(header.replace(/^Bearer /, ''), deps.sessionSecret);
    if (!principal)
      return sendError(reply, 'unauthorized', 'Your session has expired. Join the room again.');
    const room = await deps.rooms.findByCode(code.data);
    if (!room || room.id !== principal.claims.room) {
      return sendError(reply, 'forbidden', 'Your seat is in another room.');
    }
    if (await deps.rooms.isBanned(room.id, { playerId: principal.claims.sub })) {
      return sendError(reply, 'forbidden', 'You were removed from this room.');
    }
    const state = await publicState(deps, room.id);
    const silenced =
      state?.phase === 'drawing' &&
      state.settings.muteDrawer &&
      state.drawerIds.includes(principal.claims.sub);
    const canPublish = principal.claims.role === 'player' && !silenced;
    const { token, expiresAt } = await deps.voice.token({
      roomId: room.id,
      playerId: principal.claims.sub,
      name: principal.claims.name,
      canPublish,
    });
    const response: VoiceTokenResponse = {
      url: deps.voice.config.url,
      token,
      room: room.id,
      identity: principal.claims.sub,
      canPublish,
      expiresAt,
    };
    return reply.send(response);
  });

  // LiveKit's signature covers the exact bytes: keep the body as text for this route.
  app.addContentTypeParser(
    WEBHOOK_CONTENT_TYPE,
    { parseAs: 'string', bodyLimit: WEBHOOK_BODY_LIMIT },
    (_request, body, done) => {
      done(null, body);
    },
  );
  app.post('/api/livekit/webhook', async (request, reply) => {
    if (!deps.voice) return sendError(reply, 'unavailable', 'Voice is off on this server.');
    const body = typeof request.body === 'string' ? request.body : '';
    let event;
    try {
      event = await deps.voice.receive(body, request.headers.authorization);
    } catch {
      return sendError(reply, 'unauthorized', 'The webhook signature does not verify.');
    }
    const roomId = event.room?.name;
    if (roomId) {
      await deps.db
        .insertInto('voice_events')
        .values({
          room_id: roomId,
          player_id: event.participant?.identity ?? null,
          event: event.event,
          track_kind: event.track ? String(event.track.type) : null,
          at: new Date(Number(event.createdAt) * 1000 || Date.now()),
        })
        .execute();
    }
    return reply.status(200).send({ ok: true });
  });
}

/** The room's public game state: from memory when loaded here, else from the store. */
async function publicState(deps: VoiceDeps, roomId: RoomId): Promise<GameState | null> {
  const name = gameDocName(roomId);
  let doc = deps.hocuspocus.documents.get(name) as Y.Doc | undefined;
  if (!doc) {
    const stored = await deps.store.load(name);
    if (!stored) return null;
    doc = new Y.Doc();
    Y.applyUpdate(doc, stored);
  }
  const parsed = gameStateSchema.safeParse(doc.getMap(GAME_STATE_KEY).toJSON());
  return parsed.success ? parsed.data : null;
}
