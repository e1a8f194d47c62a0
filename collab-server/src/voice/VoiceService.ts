import { AccessToken, WebhookReceiver, type WebhookEvent } from 'livekit-server-sdk';
import type { PlayerId, RoomId, VoiceConfig } from '@scrawl/protocol';

/**
 * LiveKit for the collab-server: short-lived tokens for the room's voice channel (one
 * LiveKit room per Scrawl room, named by the room id; the identity is the player id) and
 * verification of LiveKit's signed webhooks.
 */
export class VoiceService {
  private readonly receiver: WebhookReceiver;

  constructor(readonly config: VoiceConfig) {
    this.receiver = new WebhookReceiver(config.apiKey, config.apiSecret);
  }

  /** A token to join the room's voice: everyone may listen; `canPublish` decides speaking. */
  async token(seat: {
    roomId: RoomId;
    playerId: PlayerId;
    name: string;
    canPublish: boolean;
  }): Promise<{
    token: string;
    expiresAt: number;
  }> {
    const token = new AccessToken(this.config.apiKey, this.config.apiSecret, {
      identity: seat.playerId,
      name: seat.name,
      ttl: this.config.tokenTtlSeconds,
    });
    token.addGrant({
      room: seat.roomId,
      roomJoin: true,
      canSubscribe: true,
      canPublish: seat.canPublish,
      canPublishData: false,
      canUpdateOwnMetadata: false,
    });
    return {
      token: await token.toJwt(),
      expiresAt: Date.now() + this.config.tokenTtlSeconds * 1000,
    };
  }

  /**
   * Checks a webhook's signature (over the raw body) and decodes it.
   * @throws Error when the signature or the body does not verify.
   */
  async receive(rawBody: string, authorization: string | undefined): Promise<WebhookEvent> {
    return this.receiver.receive(rawBody, authorization);
  }
}
