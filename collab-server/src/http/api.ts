import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  createRoomRequestSchema,
  joinRoomRequestSchema,
  roomCodeSchema,
  type CreateRoomResponse,
  type JoinRoomResponse,
  type PublicRoomsResponse,
  type ServerTimeResponse,
  type RefreshSessionResponse,
  type RoomId,
  type RoomInfo,
} from '@scrawl/protocol';
import { signSessionToken, verifySessionToken } from '../auth/tokens.js';
import type { RoomRepository } from '../rooms/RoomRepository.js';
import { parseBody, sendError } from './errors.js';

/** Colours handed to players who do not pick one: distinct on light and dark themes. */
const DEFAULT_COLORS = [
  '#e6194b',
  '#3cb44b',
  '#4363d8',
  '#f58231',
  '#911eb4',
  '#42d4f4',
  '#f032e6',
  '#469990',
  '#9a6324',
  '#800000',
  '#808000',
  '#000075',
];

/** Rooms the public list shows at most. */
const PUBLIC_ROOMS_LISTED = 50;

export interface ApiDeps {
  rooms: RoomRepository;
  sessionSecret: string;
  sessionTtlSeconds: number;
}

/** The room API: create, look up, join. */
export function registerApi(app: FastifyInstance, deps: ApiDeps): void {
  app.post('/api/rooms', async (request, reply) => {
    const body = parseBody(createRoomRequestSchema, request.body, reply);
    if (!body) return reply;
    const room = await deps.rooms.create({ isPublic: body.public });
    const response: CreateRoomResponse = { roomId: room.id, code: room.code };
    return reply.status(201).send(response);
  });

  app.get('/api/time', async () => {
    const response: ServerTimeResponse = { now: Date.now() };
    return response;
  });

  app.get('/api/rooms', async () => {
    const response: PublicRoomsResponse = {
      rooms: await deps.rooms.listPublic(PUBLIC_ROOMS_LISTED),
    };
    return response;
  });

  app.post('/api/session/refresh', async (request, reply) => {
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    const principal = await verifySessionToken(token, deps.sessionSecret);
    if (!principal) {
      return sendError(reply, 'unauthorized', 'Your session has expired. Join the room again.');
    }
    const { room, sub } = principal.claims;
    if (
      !(await deps.rooms.hasPlayer(room, sub)) ||
      (await deps.rooms.isBanned(room, { playerId: sub }))
    ) {
      return sendError(reply, 'forbidden', 'This seat no longer exists. Join the room again.');
    }
    const renewed = await signSessionToken(
      principal.claims,
      deps.sessionSecret,
      deps.sessionTtlSeconds,
    );
    const response: RefreshSessionResponse = renewed;
    return reply.send(response);
  });

  app.get<{ Params: { code: string } }>('/api/rooms/:code', async (request, reply) => {
    const code = roomCodeSchema.safeParse(request.params.code);
    if (!code.success)
      return sendError(
        reply,
        'bad_request',
        'room code must be 6 letters or digits, like K7PQ2X',
        'code',
      );
    const room = await deps.rooms.findByCode(code.data);
    if (!room) return sendError(reply, 'not_found', `There is no room with code ${code.data}.`);
    const response: RoomInfo = {
      roomId: room.id,
      code: room.code,
      public: room.isPublic,
      createdAt: room.createdAt.getTime(),
      players: await deps.rooms.listPlayers(room.id),
    };
    return reply.send(response);
  });

  app.post<{ Params: { code: string } }>('/api/rooms/:code/join', async (request, reply) => {
    const code = roomCodeSchema.safeParse(request.params.code);
    if (!code.success)
      return sendError(
        reply,
        'bad_request',
        'room code must be 6 letters or digits, like K7PQ2X',
        'code',
      );
    const body = parseBody(joinRoomRequestSchema, request.body, reply);
    if (!body) return reply;
    const room = await deps.rooms.findByCode(code.data);
    if (!room) return sendError(reply, 'not_found', `There is no room with code ${code.data}.`);
    if (await deps.rooms.isBanned(room.id, { device: body.device })) {
      return sendError(
        reply,
        'forbidden',
        'You were removed from this room and cannot come back for a while.',
      );
    }
    const color = body.color ?? (await unusedColor(deps.rooms, room.id));
    const seat = await deps.rooms.addPlayer(room.id, {
      name: body.name,
      color,
      role: body.role,
      device: body.device,
    });
    const { token, expiresAt } = await signSessionToken(
      { sub: seat.id, room: room.id, role: seat.role, name: seat.name, color: seat.color },
      deps.sessionSecret,
      deps.sessionTtlSeconds,
    );
    const response: JoinRoomResponse = {
      token,
      expiresAt,
      playerId: seat.id,
      roomId: room.id,
      code: room.code,
      role: seat.role,
      name: seat.name,
      color: seat.color,
    };
    return reply.status(201).send(response);
  });
}

/** A default colour nobody in the room has yet (random among the free ones), else any. */
async function unusedColor(rooms: RoomRepository, roomId: RoomId): Promise<string> {
  const taken = new Set((await rooms.listPlayers(roomId)).map((player) => player.color));
  const free = DEFAULT_COLORS.filter((color) => !taken.has(color));
  const pool = free.length > 0 ? free : DEFAULT_COLORS;
  return pool[randomInt(pool.length)] ?? '#4363d8';
}
