import { voiceTokenResponseSchema, type RoomCode, type VoiceTokenResponse } from '@scrawl/protocol';
import { request } from './api';

/**
 * A short-lived LiveKit token for this seat: `GET /api/rooms/:code/voice-token`. Players may
 * speak (except the drawer while drawing, when the room says so), spectators only listen.
 * Answers 503 ("unavailable") when the server has no voice.
 */
export function fetchVoiceToken(code: RoomCode, sessionToken: string): Promise<VoiceTokenResponse> {
  return request(`/api/rooms/${encodeURIComponent(code)}/voice-token`, voiceTokenResponseSchema, {
    method: 'GET',
    headers: { authorization: `Bearer ${sessionToken}` },
  });
}
