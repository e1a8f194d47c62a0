import type * as LiveKit from 'livekit-client';
import type { RoomCode } from '@scrawl/protocol';
import { ApiError } from '../lib/api';
import { Store } from '../lib/Store';
import { fetchVoiceToken } from '../lib/voiceApi';
import { watchRoom } from './liveKitEvents';
import { audioBytes, type AudioBytes } from './rtcStats';
import { loadDevice, loadPushToTalk, saveDevice, savePushToTalk } from './voicePrefs';
import { INITIAL_VOICE, wantsMic, type VoiceState } from './voiceState';

type LiveKitModule = typeof LiveKit;

/** A remote participant's microphone as this browser receives it (for tests and the panel). */
export interface RemoteAudio {
  readonly identity: string;
  /** Published microphone tracks. */
  readonly tracks: number;
  /** Whether every published microphone is muted. */
  readonly muted: boolean;
}

/**
 * This seat's voice chat in the room, through LiveKit. livekit-client is loaded only when the
 * player joins, and nothing here can stop the game: every failure only changes the state the
 * panel shows. Identity is the player id, so speakers map onto the player list.
 */
export class VoiceSession {
  readonly state = new Store<VoiceState>({
    ...INITIAL_VOICE,
    pushToTalk: loadPushToTalk(),
    deviceId: loadDevice(),
  });
  private room: LiveKit.Room | null = null;
  private lk: LiveKitModule | null = null;
  private probed = false;
  /** Counts leaves, so a join still under way when the player leaves (or the page closes) stops. */
  private leaves = 0;
  private micQueue: Promise<void> = Promise.resolve();

  constructor(
    private readonly code: RoomCode,
    private readonly sessionToken: () => string,
    private readonly loadLiveKit: () => Promise<LiveKitModule> = () => import('livekit-client'),
  ) {}

  /** Asks once whether the server has voice, so the panel can say so before anyone joins. */
  probe(): void {
    if (this.probed) return;
    this.probed = true;
    fetchVoiceToken(this.code, this.sessionToken()).then(
      () => {
        if (this.state.get().status === 'checking') this.update({ status: 'idle' });
      },
      (error: unknown) => {
        if (this.state.get().status !== 'checking') return;
        this.update({ status: isVoiceOff(error) ? 'off' : 'idle' });
      },
    );
  }

  /** Joins the room's voice chat; speaks too when this seat may. */
  async join(): Promise<void> {
    const status = this.state.get().status;
    if (this.room || status === 'connecting' || status === 'off') return;
    this.update({ status: 'connecting', message: null });
    const attempt = this.leaves;
    try {
      const grant = await fetchVoiceToken(this.code, this.sessionToken());
      const lk = (this.lk ??= await this.loadLiveKit());
      if (this.leaves !== attempt) return;
      const room = new lk.Room({
        audioCaptureDefaults: { echoCancellation: true, noiseSuppression: true },
      });
      this.room = room;
      watchRoom(lk, room, this);
      await room.connect(grant.url, grant.token);
      if (this.room !== room) return;
      const canPublish = room.localParticipant.permissions?.canPublish ?? grant.canPublish;
      this.update({ status: 'connected', canPublish, audioBlocked: !room.canPlaybackAudio });
      this.refreshParticipants();
      await room.startAudio().catch(() => undefined);
      this.syncMic();
    } catch (error) {
      if (this.leaves !== attempt) return;
      this.room?.disconnect().catch(() => undefined);
      this.room = null;
      this.update({ status: isVoiceOff(error) ? 'off' : 'failed', message: failureText(error) });
    }
  }

  /** Leaves the voice chat. */
  leave(): void {
    this.leaves++;
    const room = this.room;
    this.room = null;
    if (room) void room.disconnect();
    this.onLeft();
  }

  setMuted(muted: boolean): void {
    this.update({ muted });
    this.syncMic();
  }

  setPushToTalk(pushToTalk: boolean): void {
    savePushToTalk(pushToTalk);
    this.update({ pushToTalk, talking: false });
    this.syncMic();
  }

  /** V held down (push-to-talk) or let go. */
  setTalking(talking: boolean): void {
    if (this.state.get().talking === talking) return;
    this.update({ talking });
    this.syncMic();
  }

  /** Sets how loud another player sounds here, 0–1. */
  setVolume(playerId: string, volume: number): void {
    this.update({ volumes: { ...this.state.get().volumes, [playerId]: volume } });
    this.room?.remoteParticipants.get(playerId)?.setVolume(volume);
  }

  /** Picks the microphone; switches at once when connected. */
  chooseDevice(deviceId: string): void {
    saveDevice(deviceId);
    this.update({ deviceId });
    this.room?.switchActiveDevice('audioinput', deviceId).catch(() => undefined);
  }

  /** Asks for the microphone again (after the player unblocked it in the browser). */
  retryMic(): void {
    this.update({ mic: 'unused', message: null });
    this.syncMic();
  }

  /** Starts sound the browser held back until a click. */
  resumeAudio(): void {
    this.room
      ?.startAudio()
      .then(() => {
        this.update({ audioBlocked: !(this.room?.canPlaybackAudio ?? true) });
      })
      .catch(() => undefined);
  }

  /** Audio RTP bytes received and sent so far, over every peer connection. */
  async stats(): Promise<AudioBytes> {
    const manager = this.room?.engine.pcManager;
    const reports: RTCStatsReport[] = [];
    for (const connection of [manager?.subscriber, manager?.publisher]) {
      const report = await connection?.getStats();
      if (report) reports.push(report);
    }
    return audioBytes(reports);
  }

  /** The others' published microphones as this browser sees them. */
  remoteAudio(): RemoteAudio[] {
    return [...(this.room?.remoteParticipants.values() ?? [])].map((participant) => {
      const tracks = [...participant.audioTrackPublications.values()];
      return {
        identity: participant.identity,
        tracks: tracks.length,
        muted: tracks.every((publication) => publication.isMuted),
      };
    });
  }

  dispose(): void {
    this.leave();
  }

  // Called by the room's event handlers (liveKitEvents).

  /** @internal */
  update(patch: Partial<VoiceState>): void {
    this.state.set({ ...this.state.get(), ...patch });
  }

  /** @internal The room is gone: by leaving, or lost. */
  onLeft(message: string | null = null): void {
    this.room = null;
    this.update({
      status: message === null ? 'idle' : 'failed',
      message,
      canPublish: false,
      mic: 'unused',
      talking: false,
      speakers: [],
      others: [],
      audioBlocked: false,
    });
  }

  /** @internal Whether `room` is still this session's room. */
  owns(room: LiveKit.Room): boolean {
    return this.room === room;
  }

  /** @internal Re-reads who else is in voice and applies their volumes. */
  refreshParticipants(): void {
    const room = this.room;
    if (!room) return;
    const { volumes } = this.state.get();
    for (const [id, participant] of room.remoteParticipants) {
      const volume = volumes[id];
      if (volume !== undefined) participant.setVolume(volume);
    }
    this.update({ others: [...room.remoteParticipants.keys()] });
  }

  /** @internal Lists microphones (with names once the browser allowed the microphone). */
  refreshDevices(): void {
    const lk = this.lk;
    if (!lk) return;
    lk.Room.getLocalDevices('audioinput', false).then(
      (devices) => {
        this.update({
          devices: devices
            .filter((device) => device.deviceId !== '')
            .map((device, index) => ({
              id: device.deviceId,
              label: device.label || `Microphone ${String(index + 1)}`,
            })),
        });
      },
      () => undefined,
    );
  }

  /** @internal Brings the published microphone in line with the state, one change at a time. */
  syncMic(): void {
    this.micQueue = this.micQueue.then(() => this.applyMic());
  }

  private async applyMic(): Promise<void> {
    const room = this.room;
    const lk = this.lk;
    if (!room || !lk || this.state.get().status !== 'connected') return;
    const local = room.localParticipant;
    const state = this.state.get();
    const publication = local.getTrackPublication(lk.Track.Source.Microphone);
    try {
      if (!state.canPublish) {
        // The referee revoked speaking (the drawer): stop sending altogether.
        if (publication?.track) await local.unpublishTrack(publication.track, true);
        return;
      }
      if (state.mic === 'blocked' || state.mic === 'missing') return;
      const capture = state.deviceId ? { deviceId: state.deviceId } : undefined;
      // Publish once (the browser asks for the microphone now), then mute and unmute it.
      if (!publication?.track) await local.setMicrophoneEnabled(true, capture);
      await local.setMicrophoneEnabled(wantsMic(this.state.get()), capture);
      if (state.mic !== 'on') {
        this.update({ mic: 'on' });
        this.refreshDevices();
      }
    } catch (error) {
      const failure = lk.MediaDeviceFailure.getFailure(error);
      if (failure === lk.MediaDeviceFailure.PermissionDenied) this.update({ mic: 'blocked' });
      else if (failure === lk.MediaDeviceFailure.NotFound) this.update({ mic: 'missing' });
    }
  }
}

/** Whether an error means this server has no voice. */
function isVoiceOff(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'unavailable';
}

function failureText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Voice could not connect. Try again.';
}
