import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';

/** Hocuspocus frame types and y-protocols sync types a raw client writes. */
const SYNC = 0;
const AUTH = 2;
const AUTH_TOKEN = 0;
const SYNC_UPDATE = 2;

/**
 * A WebSocket that speaks Hocuspocus by hand, for sending frames no honest provider would:
 * forged updates, internal message types, garbage. It records every frame it receives and
 * how the server closed it.
 */
export class RawClient {
  readonly received: Uint8Array[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly socket: WebSocket;
  private readonly opened: Promise<void>;

  /** `protocols`: WebSocket subprotocols to ask for (document aliases, say). */
  constructor(url: string, protocols: string[] = []) {
    this.socket = new WebSocket(url, protocols);
    this.socket.binaryType = 'nodebuffer';
    this.socket.on('message', (data: Buffer) => this.received.push(new Uint8Array(data)));
    this.socket.on('error', () => {});
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
    this.closed = new Promise((resolve) => {
      this.socket.once('close', (code: number, reason: Buffer) =>
        resolve({ code, reason: reason.toString() }),
      );
    });
  }

  /** Authenticates one document and waits until the server answers. */
  async authenticate(documentName: string, token: string): Promise<void> {
    await this.opened;
    const before = this.received.length;
    this.send(
      frame(documentName, (e) => {
        encoding.writeVarUint(e, AUTH);
        encoding.writeVarUint(e, AUTH_TOKEN);
        encoding.writeVarString(e, token);
      }),
    );
    const deadline = Date.now() + 5000;
    while (this.received.length === before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // Give the server a moment to load the document after authenticating.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  /** Sends a Yjs update as a sync frame. */
  sendUpdate(documentName: string, update: Uint8Array): void {
    this.send(
      frame(documentName, (e) => {
        encoding.writeVarUint(e, SYNC);
        encoding.writeVarUint(e, SYNC_UPDATE);
        encoding.writeVarUint8Array(e, update);
      }),
    );
  }

  /** Sends a frame of any message type with a raw body. */
  sendTyped(documentName: string, type: number, body: Uint8Array = new Uint8Array(0)): void {
    this.send(
      frame(documentName, (e) => {
        encoding.writeVarUint(e, type);
        encoding.writeUint8Array(e, body);
      }),
    );
  }

  /** Sends bytes as they are (binary), or as a text frame. */
  send(bytes: Uint8Array | string): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(bytes);
  }

  /** The subprotocol the server picked ('' for none). */
  get protocol(): string {
    return this.socket.protocol;
  }

  async open(): Promise<void> {
    await this.opened;
  }

  close(): void {
    this.socket.close();
  }
}

function frame(documentName: string, body: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  body(encoder);
  return encoding.toUint8Array(encoder);
}
