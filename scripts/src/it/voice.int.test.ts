import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AccessToken, TokenVerifier } from 'livekit-server-sdk';
import type { Browser } from 'playwright-core';
import {
  createTestDatabase,
  eventually,
  joinNewRoom,
  joinRoom,
  startTestCollab,
  type TestCollab,
} from '@scrawl/collab-server/testing';
import { launchBrowser } from '../e2e/browser.js';
import { findLiveKitServer, startLiveKit, type LiveKitProcess } from '../start/livekit.js';
import { freeTcpPort, freeUdpPort } from '../start/ports.js';

const KEY = 'scrawl-voice-test';
const SECRET = 'voice-test-secret-0123456789abcdef0123';
const CLIENT = fileURLToPath(
  new URL('../../../node_modules/livekit-client/dist/livekit-client.umd.js', import.meta.url),
);

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let collab: TestCollab;
let livekit: LiveKitProcess;
let browser: Browser;
let page: Server;
let pageUrl: string;

beforeAll(async () => {
  const binary = findLiveKitServer();
  if (!binary)
    throw new Error(
      'livekit-server is not installed: run .ci/run (it builds it) or see infra/README.md',
    );
  database = await createTestDatabase();
  const port = await freeTcpPort();
  const relayStart = 41_000 + Math.floor(Math.random() * 100) * 100;
  livekit = await startLiveKit(binary, {
    port: await freeTcpPort(),
    tcpPort: await freeTcpPort(),
    udpPort: await freeUdpPort(),
    turnPort: await freeUdpPort(),
    relayStart,
    relayEnd: relayStart + 99,
    apiKey: KEY,
    apiSecret: SECRET,
    webhookUrl: `http://127.0.0.1:${port}/api/livekit/webhook`,
  });
  collab = await startTestCollab({
    databaseUrl: database.url,
    env: {
      PORT: String(port),
      LIVEKIT_URL: livekit.url,
      LIVEKIT_API_KEY: KEY,
      LIVEKIT_API_SECRET: SECRET,
    },
  });
  // A blank page that can load livekit-client, to join voice as a real participant.
  const client = readFileSync(CLIENT, 'utf8');
  page = createServer((request, response) => {
    if (request.url === '/livekit-client.js')
      response.setHeader('content-type', 'text/javascript').end(client);
    else
      response
        .setHeader('content-type', 'text/html')
        .end('<!doctype html><script src="/livekit-client.js"></script>');
  });
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  const address = page.address();
  pageUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => page?.close(resolve));
  await collab?.stop();
  await livekit?.stop();
  await database?.drop();
});

async function voiceToken(code: string, token: string) {
  return fetch(`${collab.http}/api/rooms/${code}/voice-token`, {
    headers: { authorization: `Bearer ${token}` },
  });
}

describe('voice with a real livekit-server', () => {
  it('grants players publish and subscribe, spectators subscribe only', async () => {
    const { code, roomId, seats } = await joinNewRoom(collab.http, ['Ana']);
    const spectator = await joinRoom(collab.http, code, 'Sam', 'spectator');
    const verifier = new TokenVerifier(KEY, SECRET);
    for (const [seat, publish] of [
      [seats[0]!, true],
      [spectator, false],
    ] as const) {
      const response = await voiceToken(code, seat.token);
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        token: string;
        url: string;
        room: string;
        canPublish: boolean;
      };
      expect(body).toMatchObject({ url: livekit.url, room: roomId, canPublish: publish });
      const claims = await verifier.verify(body.token);
      expect(claims.sub).toBe(seat.playerId);
      expect(claims.video).toMatchObject({
        room: roomId,
        roomJoin: true,
        canSubscribe: true,
        canPublish: publish,
      });
    }
    expect((await voiceToken(code, 'garbage')).status).toBe(401);
    const other = await joinNewRoom(collab.http, ['Otto']);
    expect((await voiceToken(code, other.seats[0]!.token)).status).toBe(403);
  });

  it('records participant_joined from the signed webhook and refuses a forged one', async () => {
    const { code, roomId, seats } = await joinNewRoom(collab.http, ['Ana']);
    const { token, url } = (await (await voiceToken(code, seats[0]!.token)).json()) as {
      token: string;
      url: string;
    };
    const tab = await browser.newPage();
    await tab.goto(pageUrl);
    await tab.evaluate(
      async ({ url, token }) => {
        const sdk = (
          window as unknown as {
            LivekitClient: { Room: new () => { connect(u: string, t: string): Promise<void> } };
          }
        ).LivekitClient;
        await new sdk.Room().connect(url, token);
      },
      { url, token },
    );
    await eventually(
      async () => {
        const events = await collab.db
          .selectFrom('voice_events')
          .select(['event', 'player_id'])
          .where('room_id', '=', roomId)
          .execute();
        expect(events).toContainEqual({
          event: 'participant_joined',
          player_id: seats[0]!.playerId,
        });
      },
      { timeoutMs: 15_000 },
    );
    await tab.close();

    const forged = JSON.stringify({
      event: 'participant_joined',
      room: { name: roomId },
      participant: { identity: 'intruder' },
    });
    const response = await fetch(`${collab.http}/api/livekit/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/webhook+json',
        authorization: 'forged.signature.value',
      },
      body: forged,
    });
    expect(response.status).toBe(401);
    const intruders = await collab.db
      .selectFrom('voice_events')
      .select('id')
      .where('player_id', '=', 'intruder')
      .execute();
    expect(intruders).toEqual([]);

    // Signed with the right key over these exact bytes, the same body is accepted.
    const signer = new AccessToken(KEY, SECRET);
    signer.sha256 = createHash('sha256').update(forged).digest('base64');
    const signed = await fetch(`${collab.http}/api/livekit/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/webhook+json', authorization: await signer.toJwt() },
      body: forged,
    });
    expect(signed.status).toBe(200);
    const recorded = await collab.db
      .selectFrom('voice_events')
      .select('event')
      .where('player_id', '=', 'intruder')
      .execute();
    expect(recorded).toEqual([{ event: 'participant_joined' }]);
  }, 60_000);

  it('answers 503 in words when voice is not configured', async () => {
    const plain = await startTestCollab({ databaseUrl: database.url });
    try {
      const { code, seats } = await joinNewRoom(plain.http, ['Ana']);
      const response = await fetch(`${plain.http}/api/rooms/${code}/voice-token`, {
        headers: { authorization: `Bearer ${seats[0]!.token}` },
      });
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
        'Voice is off on this server.',
      );
    } finally {
      await plain.stop();
    }
  });
});
