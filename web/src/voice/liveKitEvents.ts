import type * as LiveKit from 'livekit-client';
import type { VoiceSession } from './VoiceSession';

/** Keeps remote microphones audible: one hidden audio element per subscribed track. */
function attachAudio(lk: typeof LiveKit, track: LiveKit.RemoteTrack): void {
  if (track.kind !== lk.Track.Kind.Audio) return;
  const element = track.attach();
  element.dataset.voice = 'remote';
  document.body.append(element);
}

function detachAudio(track: LiveKit.RemoteTrack): void {
  for (const element of track.detach()) element.remove();
}

/**
 * Turns a LiveKit room's events into the voice session's state: who speaks (active
 * speakers), who else is in, the publish grant (the referee silences the drawer with
 * updateParticipant, which arrives as ParticipantPermissionsChanged), reconnections and
 * audio playback.
 */
export function watchRoom(lk: typeof LiveKit, room: LiveKit.Room, session: VoiceSession): void {
  const { RoomEvent } = lk;
  const mine = () => session.owns(room);
  room
    .on(RoomEvent.ActiveSpeakersChanged, (speakers) => {
      if (mine()) session.update({ speakers: speakers.map((speaker) => speaker.identity) });
    })
    .on(RoomEvent.ParticipantConnected, () => {
      if (mine()) session.refreshParticipants();
    })
    .on(RoomEvent.ParticipantDisconnected, () => {
      if (mine()) session.refreshParticipants();
    })
    .on(RoomEvent.TrackSubscribed, (track) => {
      attachAudio(lk, track);
      if (mine()) session.refreshParticipants();
    })
    .on(RoomEvent.TrackUnsubscribed, (track) => {
      detachAudio(track);
    })
    .on(RoomEvent.ParticipantPermissionsChanged, (_previous, participant) => {
      if (!mine() || participant !== room.localParticipant) return;
      session.update({ canPublish: participant.permissions?.canPublish ?? false });
      session.syncMic();
    })
    .on(RoomEvent.Reconnecting, () => {
      if (mine()) session.update({ status: 'reconnecting' });
    })
    .on(RoomEvent.SignalReconnecting, () => {
      if (mine()) session.update({ status: 'reconnecting' });
    })
    .on(RoomEvent.Reconnected, () => {
      if (!mine()) return;
      session.update({ status: 'connected' });
      session.syncMic();
    })
    .on(RoomEvent.Disconnected, () => {
      for (const participant of room.remoteParticipants.values()) {
        for (const publication of participant.audioTrackPublications.values()) {
          if (publication.track) detachAudio(publication.track);
        }
      }
      if (mine()) session.onLeft('Voice was disconnected. Join again.');
    })
    .on(RoomEvent.AudioPlaybackStatusChanged, () => {
      if (mine()) session.update({ audioBlocked: !room.canPlaybackAudio });
    })
    .on(RoomEvent.MediaDevicesChanged, () => {
      if (mine()) session.refreshDevices();
    });
}
