import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type * as LiveKit from 'livekit-client';
import type { RoomCode } from '@scrawl/protocol';
import { VoiceSession } from './VoiceSession';

const GRANT = {
  url: 'ws://127.0.0.1:7880',
  token: 'token',
  room: 'room',
  identity: 'player',
  canPublish: true,
  expiresAt: Date.now() + 60_000,
};

/** fetch answering the voice token only when the test says so. */
function heldFetch(): { release(): void } {
  let release = () => {};
  const answered = new Promise<void>((resolve) => {
    release = resolve;
  });
  globalThis.fetch = jest.fn(async () => {
    await answered;
    return new Response(JSON.stringify(GRANT), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  return { release };
}

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('VoiceSession', () => {
  it('stops a join under way when the player leaves before it connects', async () => {
    const held = heldFetch();
    const rooms: unknown[] = [];
    const loadLiveKit = jest.fn(async () => {
      const Room = jest.fn(() => {
        rooms.push({});
        throw new Error('a room was made after leaving');
      });
      return { Room } as unknown as typeof LiveKit;
    });
    const voice = new VoiceSession('ABC123' as RoomCode, () => 'session', loadLiveKit);

    const joining = voice.join();
    expect(voice.state.get().status).toBe('connecting');
    voice.leave();
    expect(voice.state.get().status).toBe('idle');
    held.release();
    await joining;

    expect(rooms).toEqual([]);
    expect(voice.state.get()).toMatchObject({ status: 'idle', message: null });
  });

  it('says why when joining fails, in words', async () => {
    const held = heldFetch();
    const loadLiveKit = jest.fn(async () => {
      throw new Error('chunk failed to load');
    });
    const voice = new VoiceSession('ABC123' as RoomCode, () => 'session', loadLiveKit);
    const joining = voice.join();
    held.release();
    await joining;
    expect(voice.state.get()).toMatchObject({
      status: 'failed',
      message: 'Voice could not connect. Try again.',
    });
  });
});
