import { describe, expect, it } from '@jest/globals';
import { canvasDocName, gameDocName, type RoomId } from '@scrawl/protocol';
import { TestClient, eventually, joinNewRoom } from '../testing/index.js';
import { useTestCollab } from '../testing/useTestCollab.js';

const suite = useTestCollab();

const post = (path: string, body: unknown) =>
  fetch(`${suite.collab.http}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('room API', () => {
  it('creates a room, seats players and lists them', async () => {
    const created = await post('/api/rooms', {});
    expect(created.status).toBe(201);
    const { code, roomId } = (await created.json()) as { code: string; roomId: string };
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);

    const joined = await post(`/api/rooms/${code.toLowerCase()}/join`, {
      name: '  Ana  ',
      color: '#AABBCC',
    });
    expect(joined.status).toBe(201);
    const seat = (await joined.json()) as {
      token: string;
      playerId: string;
      name: string;
      color: string;
      roomId: string;
    };
    expect(seat).toMatchObject({ name: 'Ana', color: '#aabbcc', roomId });
    expect(seat.token.split('.')).toHaveLength(3);

    const info = (await (await fetch(`${suite.collab.http}/api/rooms/${code}`)).json()) as {
      players: { id: string }[];
    };
    expect(info.players.map((p) => p.id)).toEqual([seat.playerId]);
  });

  it('gives each seat a colour nobody in the room has yet', async () => {
    const { code } = (await (await post('/api/rooms', {})).json()) as { code: string };
    const colors = [];
    for (let i = 0; i < 12; i++) {
      colors.push(
        (
          (await (await post(`/api/rooms/${code}/join`, { name: `P${i}` })).json()) as {
            color: string;
          }
        ).color,
      );
    }
    expect(new Set(colors).size).toBe(12);
  });

  it('names the bad field of a bad body with a 400', async () => {
    const { code } = (await (await post('/api/rooms', {})).json()) as { code: string };
    const cases: [unknown, string, RegExp][] = [
      [{ name: '' }, 'name', /name must not be empty/],
      [{ name: 'x'.repeat(25) }, 'name', /at most 24 characters/],
      [{ name: 'Ana', color: 'red' }, 'color', /colour like #1e90ff/],
      [{ name: 'Ana', role: 'admin' }, 'role', /role/],
      [{}, 'name', /name/],
    ];
    for (const [body, field, message] of cases) {
      const response = await post(`/api/rooms/${code}/join`, body);
      expect(response.status).toBe(400);
      const error = (
        (await response.json()) as { error: { code: string; field?: string; message: string } }
      ).error;
      expect(error.code).toBe('bad_request');
      expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
    }
  });

  it('refuses malformed JSON and unknown fields with a 400', async () => {
    const malformed = await fetch(`${suite.collab.http}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"public": tru',
    });
    expect(malformed.status).toBe(400);
    const unknown = await post('/api/rooms', { public: true, admin: true });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(
      /unknown field "admin"/,
    );
  });

  it('answers 404 in words for a room that does not exist', async () => {
    const response = await post('/api/rooms/ZZZZZZ/join', { name: 'Ana' });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      'There is no room with code ZZZZZZ.',
    );
  });

  it('tells the server time', async () => {
    const before = Date.now();
    const { now } = (await (await fetch(`${suite.collab.http}/api/time`)).json()) as {
      now: number;
    };
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('lists public rooms with players, busiest first, and never private ones', async () => {
    const busy = (await (await post('/api/rooms', {})).json()) as { roomId: string; code: string };
    const quiet = (await (await post('/api/rooms', {})).json()) as { roomId: string; code: string };
    const secret = (await (await post('/api/rooms', { public: false })).json()) as {
      roomId: string;
      code: string;
    };
    const set = (roomId: string, players: number) =>
      suite.collab.db
        .updateTable('rooms')
        .set({ player_count: players, phase: 'drawing' })
        .where('id', '=', roomId)
        .execute();
    await set(busy.roomId, 5);
    await set(quiet.roomId, 2);
    await set(secret.roomId, 9);
    const { rooms } = (await (await fetch(`${suite.collab.http}/api/rooms`)).json()) as {
      rooms: { code: string; players: number }[];
    };
    const codes = rooms.map((r) => r.code);
    expect(codes.indexOf(busy.code)).toBeLessThan(codes.indexOf(quiet.code));
    expect(codes).not.toContain(secret.code);
    expect(rooms.find((r) => r.code === busy.code)).toMatchObject({ players: 5, phase: 'drawing' });
  });

  it('renews a valid session token and refuses a bad one', async () => {
    const { code } = (await (await post('/api/rooms', {})).json()) as { code: string };
    const seat = (await (await post(`/api/rooms/${code}/join`, { name: 'Ana' })).json()) as {
      token: string;
      expiresAt: number;
    };
    const refresh = (token: string) =>
      fetch(`${suite.collab.http}/api/session/refresh`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
    const renewed = await refresh(seat.token);
    expect(renewed.status).toBe(200);
    const body = (await renewed.json()) as { token: string; expiresAt: number };
    expect(body.expiresAt).toBeGreaterThanOrEqual(seat.expiresAt);
    expect((await refresh('nonsense')).status).toBe(401);
    expect((await refresh(`${seat.token}x`)).status).toBe(401);
  });

  it('refuses a removed player, by seat and by browser, until the ban ends', async () => {
    const { code, roomId } = (await (await post('/api/rooms', {})).json()) as {
      code: string;
      roomId: string;
    };
    const device = 'device-0123456789abcdef';
    const seat = (await (
      await post(`/api/rooms/${code}/join`, { name: 'Troll', device })
    ).json()) as { playerId: string; token: string };
    await suite.collab.db
      .insertInto('room_bans')
      .values({ room_id: roomId, player_id: seat.playerId, until: new Date(Date.now() + 60_000) })
      .execute();
    const again = await post(`/api/rooms/${code}/join`, { name: 'Not a troll', device });
    expect(again.status).toBe(403);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(
      /removed from this room/,
    );
    expect(
      (
        await post(`/api/rooms/${code}/join`, {
          name: 'Someone else',
          device: 'device-fedcba9876543210',
        })
      ).status,
    ).toBe(201);
    const refreshed = await fetch(`${suite.collab.http}/api/session/refresh`, {
      method: 'POST',
      headers: { authorization: `Bearer ${seat.token}` },
    });
    expect(refreshed.status).toBe(403);
    await suite.collab.db
      .updateTable('room_bans')
      .set({ until: new Date(Date.now() - 1) })
      .where('player_id', '=', seat.playerId)
      .execute();
    expect((await post(`/api/rooms/${code}/join`, { name: 'Back', device })).status).toBe(201);
  });

  it('reports health, readiness and metrics', async () => {
    expect((await fetch(`${suite.collab.http}/healthz`)).status).toBe(200);
    const ready = await fetch(`${suite.collab.http}/readyz`);
    expect(ready.status).toBe(200);
    const metrics = await (await fetch(`${suite.collab.http}/metrics`)).text();
    expect(metrics).toMatch(/^scrawl_collab_connections /m);
    expect(metrics).toMatch(/^scrawl_collab_documents_loaded /m);
  });

  it('counts the documents and rooms loaded at the moment of the scrape', async () => {
    const gauge = async (name: string) => {
      const text = await (await fetch(`${suite.collab.http}/metrics`)).text();
      return Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1]);
    };
    const before = {
      documents: await gauge('scrawl_collab_documents_loaded'),
      rooms: await gauge('scrawl_collab_rooms_active'),
    };
    const { roomId, seats } = await joinNewRoom(suite.collab.http, ['Ana']);
    const ana = new TestClient(suite.collab.ws);
    try {
      await ana.open(gameDocName(roomId as RoomId), seats[0]!.token);
      await ana.open(canvasDocName(roomId as RoomId, 0), seats[0]!.token);
      expect(await gauge('scrawl_collab_documents_loaded')).toBe(before.documents + 2);
      expect(await gauge('scrawl_collab_rooms_active')).toBe(before.rooms + 1);
    } finally {
      ana.close();
    }
    await eventually(async () => {
      expect(await gauge('scrawl_collab_documents_loaded')).toBe(before.documents);
      expect(await gauge('scrawl_collab_rooms_active')).toBe(before.rooms);
    });
  });
});
