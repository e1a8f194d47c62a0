import { RoomServiceClient } from 'livekit-server-sdk';
import type { Logger } from 'pino';
import type { PlayerId, RoomId, VoiceConfig } from '@scrawl/protocol';

/**
 * The referee's hand on voice: silences a drawer while they draw and gives their voice back
 * afterwards. LiveKit's updateParticipant replaces the whole permission set, so listening
 * is always granted again with it.
 */
export function liveKitVoice(config: VoiceConfig, log: Logger) {
  const client = new RoomServiceClient(config.apiUrl, config.apiKey, config.apiSecret);
  return async (roomId: RoomId, playerId: PlayerId, publish: boolean): Promise<void> => {
    try {
      await client.updateParticipant(roomId, playerId, {
        permission: { canSubscribe: true, canPublish: publish, canPublishData: false },
      });
    } catch (error) {
      // Not in the voice room (voice is optional): their next token carries the right grant.
      log.debug({ err: error, roomId, playerId, publish }, 'voice permission not changed');
    }
  };
}
