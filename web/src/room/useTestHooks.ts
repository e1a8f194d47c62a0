import { useEffect } from 'react';
import type { AudioBytes } from '../voice/rtcStats';
import type { RemoteAudio } from '../voice/VoiceSession';
import type { VoiceState } from '../voice/voiceState';
import type { RoomSession } from './RoomSession';

/** What automated browser tests read from a room page. */
export interface ScrawlTestHooks {
  readonly roomCode: string;
  readonly playerId: string;
  /** Strokes on the current board now, finished or being drawn. */
  strokeCount(): number;
  /** The canvas round shown now (0: the lobby board). */
  canvasRound(): number;
  /** The room's WebSocket: 'connecting' from the moment an attempt starts. */
  socketStatus(): string;
  /** The voice chat: its state, audio RTP bytes through LiveKit's peer connections, others' mics. */
  readonly voice: {
    state(): VoiceState;
    stats(): Promise<AudioBytes>;
    remoteAudio(): RemoteAudio[];
  };
}

declare global {
  interface Window {
    __scrawl?: ScrawlTestHooks;
  }
}

/** Exposes `window.__scrawl` while a room page is open. */
export function useTestHooks(session: RoomSession): void {
  useEffect(() => {
    const hooks: ScrawlTestHooks = {
      roomCode: session.seat.code,
      playerId: session.seat.playerId,
      strokeCount: () => session.canvas.get().strokes.count,
      canvasRound: () => session.canvas.get().round,
      socketStatus: () => session.socketStatus,
      voice: {
        state: () => session.voice.state.get(),
        stats: () => session.voice.stats(),
        remoteAudio: () => session.voice.remoteAudio(),
      },
    };
    window.__scrawl = hooks;
    return () => {
      if (window.__scrawl === hooks) delete window.__scrawl;
    };
  }, [session]);
}
