import {
  HocuspocusProvider,
  HocuspocusProviderWebsocket,
  WebSocketStatus,
  type CompleteHocuspocusProviderConfiguration as ProviderOptions,
} from '@hocuspocus/provider';
import * as Y from 'yjs';
import {
  RECONNECT_POLICY,
  canvasDocName,
  gameDocName,
  parseJsonMessage,
  whisperSchema,
  withDocumentAliases,
  type ChatLine,
  type ClientRpc,
  type GameState,
  type PresencePlayer,
} from '@scrawl/protocol';
import { Store, follow } from '../lib/Store';
import { serverClock } from '../lib/serverTime';
import type { Seat } from '../lib/seats';
import { VoiceSession } from '../voice/VoiceSession';
import { CanvasSession } from './CanvasSession';
import { dropped, isFinalClose, refusal, synced, type ConnectionState } from './connectionState';
import { readChat, readGameState, watchChat, watchGameState } from './gameDoc';
import { readPlayers, watchAwareness } from './presence';
import { SeatRenewal } from './SeatRenewal';
import { loadSecret, storeSecret } from './secretStorage';
import { NO_WHISPERS, applyWhisper, type WhisperState } from './whispers';

/** The browser's WebSocket with document aliases: half the bytes of a live stroke frame. */
const AliasingWebSocket = withDocumentAliases(WebSocket);

/** The canvas round of the lobby's free-draw board. */
export const LOBBY_ROUND = 0;

/**
 * The address of the collab-server's WebSocket, on the host that served the page. The room
 * id rides along as a routing hint: in services mode nginx hashes on it, so every player of
 * a room reaches the same instance.
 */
function collabUrl(roomId: string): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/collab?room=${encodeURIComponent(roomId)}`;
}

/**
 * One player's live connection to a room: ONE WebSocket carrying the game document
 * (presence, state, chat, RPC) and the current canvas, which changes with every turn.
 * Everything React shows is exposed as a {@link Store}. A session opens on its first
 * holder and closes once none is left (see useRoomSession).
 */
export class RoomSession {
  readonly gameDoc = new Y.Doc();
  readonly connection = new Store<ConnectionState>({ kind: 'connecting' });
  readonly players = new Store<readonly PresencePlayer[]>([]);
  readonly gameState = new Store<GameState | null>(null);
  readonly chat = new Store<readonly ChatLine[]>([]);
  readonly whispers: Store<WhisperState>;
  /** The canvas players draw on now: the lobby board, or the current turn's canvas. */
  readonly canvas: Store<CanvasSession>;
  readonly clock = serverClock;
  /** This player as presence shows them: exactly the identity of the session token. */
  readonly self: PresencePlayer;
  /** The room's voice chat, joined on request; it never holds up the game. */
  readonly voice: VoiceSession;

  private readonly socket: HocuspocusProviderWebsocket;
  private readonly game: HocuspocusProvider;
  private readonly renewal: SeatRenewal;
  private readonly stops: Array<() => void> = [];
  private nextId = 1;
  private opened = false;
  private closed = false;

  constructor(readonly seat: Seat) {
    this.self = { id: seat.playerId, name: seat.name, color: seat.color, role: seat.role };
    this.renewal = new SeatRenewal(seat);
    this.voice = new VoiceSession(seat.code, this.renewal.token);
    this.whispers = new Store<WhisperState>({ ...NO_WHISPERS, secret: loadSecret(seat.code) });
    this.socket = new HocuspocusProviderWebsocket({
      url: collabUrl(seat.roomId),
      WebSocketPolyfill: AliasingWebSocket,
      ...RECONNECT_POLICY,
      autoConnect: false,
      onDisconnect: ({ event }) => {
        this.onSocketClosed(event.code);
      },
      onConnect: () => {
        void this.clock.sync(true);
      },
    });
    this.game = this.provider(gameDocName(seat.roomId), this.gameDoc, {
      onSynced: () => {
        this.connection.set(synced(this.connection.get()));
      },
      onStateless: ({ payload }) => {
        this.onWhisper(payload);
      },
    });
    const awareness = this.game.awareness;
    if (!awareness) throw new Error('providers are built with awareness');
    awareness.setLocalState({ player: this.self });
    this.canvas = new Store(this.openCanvas(LOBBY_ROUND));

    this.stops.push(
      follow(
        this.players,
        () => readPlayers(awareness),
        (on) => watchAwareness(awareness, on),
      ),
      follow(
        this.gameState,
        () => readGameState(this.gameDoc),
        (on) => watchGameState(this.gameDoc, on),
      ),
      follow(
        this.chat,
        () => readChat(this.gameDoc),
        (on) => watchChat(this.gameDoc, on),
      ),
      this.gameState.subscribe(() => {
        this.followCanvas();
      }),
    );
  }

  /** Connects, if not already connected. */
  open(): void {
    if (this.opened || this.closed) return;
    this.opened = true;
    this.game.attach();
    this.canvas.get().attach();
    void this.socket.connect();
    this.renewal.start();
    void this.clock.sync();
    // Back online, or back in the foreground (phones suspend background tabs): try at once
    // instead of waiting out the backoff of the failed attempts, up to 5 s.
    const reconnectNow = () => {
      this.reconnectNow();
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') this.reconnectNow();
    };
    window.addEventListener('online', reconnectNow);
    document.addEventListener('visibilitychange', onVisible);
    this.stops.push(() => {
      window.removeEventListener('online', reconnectNow);
      document.removeEventListener('visibilitychange', onVisible);
    });
  }

  /** The socket's state: 'connecting' from the moment an attempt starts. */
  get socketStatus(): `${WebSocketStatus}` {
    return this.socket.status;
  }

  /** Starts a connection attempt now if the socket is down and may be retried. */
  private reconnectNow(): void {
    if (this.closed || this.connection.get().kind === 'refused') return;
    if (this.socket.status !== WebSocketStatus.Disconnected) return;
    void this.socket.connect();
  }

  /** Closes the socket and releases everything; the session cannot be opened again. */
  close(): void {
    this.closed = true;
    this.renewal.stop();
    this.voice.dispose();
    for (const stop of this.stops.splice(0)) stop();
    this.canvas.get().destroy();
    this.game.destroy();
    this.socket.destroy();
    this.gameDoc.destroy();
  }

  /** Sends a message to the referee over the game document's RPC channel. */
  send(message: ClientRpc): void {
    this.game.sendStateless(JSON.stringify(message));
  }

  /** Removes a notice from the screen. */
  dismissNotice(id: string): void {
    const state = this.whispers.get();
    this.whispers.set({ ...state, notices: state.notices.filter((n) => n.id !== id) });
  }

  /** Switches to the canvas the game state names, when it changed. */
  private followCanvas(): void {
    const round = this.gameState.get()?.canvasRound ?? LOBBY_ROUND;
    const current = this.canvas.get();
    if (this.closed || current.round === round) return;
    const next = this.openCanvas(round);
    if (this.opened) next.attach();
    this.canvas.set(next);
    current.destroy();
  }

  private openCanvas(round: number): CanvasSession {
    return new CanvasSession(
      round,
      canvasDocName(this.seat.roomId, round),
      this.self,
      (name, document, onAuthenticated) =>
        this.provider(name, document, {
          onAuthenticated: ({ scope }) => {
            onAuthenticated(scope);
          },
        }),
    );
  }

  private provider(
    name: string,
    document: Y.Doc,
    handlers: Partial<Pick<ProviderOptions, 'onSynced' | 'onStateless' | 'onAuthenticated'>>,
  ): HocuspocusProvider {
    return new HocuspocusProvider({
      ...handlers,
      websocketProvider: this.socket,
      name,
      document,
      // Read at every (re)connect, so a renewed token is used from then on.
      token: this.renewal.token,
      onAuthenticationFailed: ({ reason }) => {
        this.refuse(refusal(reason));
      },
      onClose: ({ event }) => {
        // With the socket still up, the server closed just this document, for a reason.
        if (this.socket.status === WebSocketStatus.Connected) this.refuse(refusal(event.reason));
      },
    });
  }

  private onSocketClosed(code: number): void {
    if (isFinalClose(code)) this.refuse(refusal(code));
    else this.connection.set(dropped(this.connection.get(), code));
  }

  private refuse(state: ConnectionState): void {
    if (this.connection.get().kind === 'refused') return;
    this.connection.set(state);
    // Retrying with the same token would be refused again; the banner offers what helps.
    this.socket.disconnect();
  }

  private onWhisper(payload: string): void {
    const parsed = parseJsonMessage(whisperSchema, payload);
    if (!parsed.ok) return;
    const before = this.whispers.get();
    const after = applyWhisper(before, parsed.value, this.clock.now(), `w${String(this.nextId++)}`);
    this.whispers.set(after);
    if (after.secret !== before.secret) storeSecret(this.seat.code, after.secret);
  }
}
