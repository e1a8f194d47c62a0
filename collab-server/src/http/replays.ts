import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  chatLineSchema,
  hintSchema,
  roomCodeSchema,
  type ReplayDetailResponse,
  type ReplayEvent,
  type ReplayListResponse,
  type ReplaySummary,
  type RoomId,
} from '@scrawl/protocol';
import { verifySessionToken } from '../auth/tokens.js';
import type { Db } from '../db/database.js';
import type { RoomRecord, RoomRepository } from '../rooms/RoomRepository.js';
import { sendError } from './errors.js';

export interface ReplayDeps {
  db: Db;
  rooms: RoomRepository;
  sessionSecret: string;
}

/**
 * Finished games and turns of a room, and each turn's replay. Public rooms' replays open from
 * their link for anyone; a private room's only with a session token of one of its seats
 * (`Authorization: Bearer …`), else 403.
 */
export function registerReplays(app: FastifyInstance, deps: ReplayDeps): void {
  app.get<{ Params: { code: string } }>('/api/rooms/:code/replays', async (request, reply) => {
    const room = await allowedRoom(deps, request, reply);
    if (!room) return reply;
    const games = await deps.db
      .selectFrom('games')
      .select(['id', 'started_at', 'ended_at'])
      .where('room_id', '=', room.id)
      .orderBy('started_at', 'desc')
      .execute();
    const scores = await deps.db
      .selectFrom('game_scores')
      .innerJoin('players', 'players.id', 'game_scores.player_id')
      .select([
        'game_scores.game_id',
        'game_scores.player_id',
        'players.name',
        'game_scores.score',
        'game_scores.place',
      ])
      .where('game_scores.game_id', 'in', games.length > 0 ? games.map((g) => g.id) : [''])
      .orderBy('game_scores.place')
      .execute();
    const response: ReplayListResponse = {
      code: room.code,
      public: room.isPublic,
      games: games.map((game) => ({
        id: game.id,
        startedAt: game.started_at.getTime(),
        endedAt: game.ended_at?.getTime() ?? null,
        scores: scores
          .filter((s) => s.game_id === game.id)
          .map((s) => ({ playerId: s.player_id, name: s.name, score: s.score, place: s.place })),
      })),
      turns: await turnSummaries(deps.db, room.id),
    };
    return reply.send(response);
  });

  app.get<{ Params: { code: string; round: string } }>(
    '/api/rooms/:code/replays/:round',
    async (request, reply) => {
      const room = await allowedRoom(deps, request, reply);
      if (!room) return reply;
      const round = Number(request.params.round);
      const turn = (await turnSummaries(deps.db, room.id, round))[0];
      if (!Number.isSafeInteger(round) || !turn)
        return sendError(reply, 'not_found', `Turn ${request.params.round} has no replay.`);
      const gained = await deps.db
        .selectFrom('turns')
        .select('gained')
        .where('room_id', '=', room.id)
        .where('canvas_round', '=', round)
        .executeTakeFirst();
      const players = await deps.db
        .selectFrom('players')
        .select(['id', 'name'])
        .where('room_id', '=', room.id)
        .execute();
      const names = Object.fromEntries(players.map((p) => [p.id, p.name]));
      const response: ReplayDetailResponse = {
        turn,
        gained: (gained?.gained as Record<string, number> | null) ?? {},
        names,
        events: await turnEvents(deps.db, room.id, round, names),
      };
      return reply.send(response);
    },
  );

  app.get<{ Params: { code: string; round: string } }>(
    '/api/rooms/:code/replays/:round/data',
    async (request, reply) => {
      const room = await allowedRoom(deps, request, reply);
      if (!room) return reply;
      const round = Number(request.params.round);
      const row = Number.isSafeInteger(round)
        ? await deps.db
            .selectFrom('replays')
            .select('data')
            .where('room_id', '=', room.id)
            .where('canvas_round', '=', round)
            .executeTakeFirst()
        : undefined;
      if (!row) return sendError(reply, 'not_found', `Turn ${request.params.round} has no replay.`);
      // Stored gzip-compressed; browsers and fetch decompress it themselves.
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-encoding', 'gzip')
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(Buffer.from(row.data));
    },
  );
}

/** The room of the request, when the caller may see its replays; else sends 4xx and returns null. */
async function allowedRoom(
  deps: ReplayDeps,
  request: FastifyRequest<{ Params: { code: string } }>,
  reply: FastifyReply,
): Promise<RoomRecord | null> {
  const code = roomCodeSchema.safeParse(request.params.code);
  if (!code.success) {
    sendError(reply, 'bad_request', 'room code must be 6 letters or digits, like K7PQ2X', 'code');
    return null;
  }
  const room = await deps.rooms.findByCode(code.data);
  if (!room) {
    sendError(reply, 'not_found', `There is no room with code ${code.data}.`);
    return null;
  }
  if (room.isPublic) return room;
  const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
  const principal = token ? await verifySessionToken(token, deps.sessionSecret) : null;
  if (principal?.claims.room !== room.id) {
    sendError(reply, 'forbidden', 'This room is private: only its players can watch its replays.');
    return null;
  }
  return room;
}

async function turnSummaries(db: Db, roomId: RoomId, only?: number): Promise<ReplaySummary[]> {
  let query = db
    .selectFrom('turns')
    .leftJoin('replays', (join) =>
      join
        .onRef('replays.room_id', '=', 'turns.room_id')
        .onRef('replays.canvas_round', '=', 'turns.canvas_round'),
    )
    .leftJoin('players', 'players.id', 'turns.drawer_id')
    .select([
      'turns.canvas_round',
      'turns.game_id',
      'turns.round',
      'turns.drawer_id',
      'players.name',
      'turns.word',
      'turns.started_at',
      'turns.ended_at',
      'replays.strokes',
      'replays.points',
      'replays.bytes',
    ])
    .where('turns.room_id', '=', roomId)
    .where('turns.ended_at', 'is not', null);
  if (only !== undefined) query = query.where('turns.canvas_round', '=', only);
  const rows = await query.orderBy('turns.canvas_round', 'desc').execute();
  return rows.map((row) => ({
    canvasRound: row.canvas_round,
    gameId: row.game_id,
    round: row.round,
    drawerId: row.drawer_id,
    drawerName: row.name ?? 'someone',
    word: row.word,
    startedAt: row.started_at.getTime(),
    endedAt: row.ended_at?.getTime() ?? row.started_at.getTime(),
    hasReplay: row.strokes !== null,
    strokes: row.strokes ?? 0,
    points: row.points ?? 0,
    bytes: row.bytes ?? 0,
  }));
}

async function turnEvents(
  db: Db,
  roomId: RoomId,
  round: number,
  names: Record<string, string>,
): Promise<ReplayEvent[]> {
  const guesses = await db
    .selectFrom('guesses')
    .select(['player_id', 'text', 'verdict', 'points', 'at'])
    .where('room_id', '=', roomId)
    .where('canvas_round', '=', round)
    .execute();
  const others = await db
    .selectFrom('turn_events')
    .select(['kind', 'payload', 'at'])
    .where('room_id', '=', roomId)
    .where('canvas_round', '=', round)
    .execute();
  const events: ReplayEvent[] = guesses.map((g) => ({
    kind: 'guess',
    at: g.at.getTime(),
    playerId: g.player_id,
    name: names[g.player_id] ?? 'someone',
    text: g.text,
    verdict: g.verdict,
    points: g.points,
  }));
  for (const row of others) {
    if (row.kind === 'hint') {
      const hint = hintSchema.safeParse(row.payload);
      if (hint.success) events.push({ kind: 'hint', at: row.at.getTime(), hint: hint.data });
    } else if (row.kind === 'chat') {
      const line = chatLineSchema.safeParse(row.payload);
      // Players' chat during the turn is the guesses above; system lines tell the story.
      if (line.success && line.data.kind !== 'chat') {
        events.push({
          kind: 'chat',
          at: row.at.getTime(),
          line: {
            kind: line.data.kind,
            text: line.data.text,
            ...(line.data.name ? { name: line.data.name } : {}),
          },
        });
      }
    }
  }
  return events.sort((a, b) => a.at - b.at);
}
