/**
 * Document aliases: a WebSocket subprotocol that shortens the document name every
 * Hocuspocus frame starts with. A canvas name takes 32 bytes (`room/<id>/canvas/<n>` as a
 * varstring) and a stroke update while drawing only ~30, so the name was half of every live
 * frame. With the subprotocol, each direction of a socket numbers the documents it names in
 * order of first appearance: the first frame of a document carries its name as usual and
 * gives it the next number; later frames carry a zero length and the number instead
 * (`0x00 <varuint alias>`), two bytes for the first 128 documents. Both ends count the same
 * frames in the same order (a socket is ordered), so no table is ever sent. Frames that do
 * not start with a name (Hocuspocus' one-byte ping and pong) pass unchanged. Real document
 * names are never empty, so the zero length is free to mean "alias".
 *
 * Clients ask for it with {@link DOCUMENT_ALIASES_PROTOCOL} in the handshake; a server that
 * does not pick it gets plain frames, and the server serves plain clients as before.
 */

/** The WebSocket subprotocol of aliased frames. */
export const DOCUMENT_ALIASES_PROTOCOL = 'scrawl.aliases.1';

/**
 * Documents numbered per direction of a socket; names after these go in full. A socket opens
 * a few documents per round, so this holds any real session and bounds a hostile one.
 */
export const MAX_DOCUMENT_ALIASES = 256;

/** A frame named an alias its direction never assigned. */
export class UnknownAliasError extends Error {
  constructor(alias: number) {
    super(`frame names document alias ${String(alias)}, which was never assigned`);
    this.name = 'UnknownAliasError';
  }
}

/** Where a frame's document name ends, and the name's bytes (its varstring included). */
interface NamePrefix {
  /** Byte length of the name's varstring (length prefix and UTF-8). */
  readonly end: number;
  /** 0 for a named frame; for an aliased frame, the offset of the alias. */
  readonly aliasAt: number;
}

/** Reads a varuint at `offset`: [value, next offset], or null when cut short or too long. */
function readVarUint(bytes: Uint8Array, offset: number): [number, number] | null {
  let value = 0;
  let shift = 0;
  for (let i = offset; i < bytes.length && shift < 35; i++) {
    const byte = bytes[i]!;
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, i + 1];
  }
  return null;
}

function writeVarUint(value: number, into: number[]): void {
  let rest = value;
  while (rest >= 0x80) {
    into.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  into.push(rest);
}

/** The frame's name prefix, or null for bytes that do not start with one (ping, pong). */
function namePrefix(frame: Uint8Array): NamePrefix | null {
  const length = readVarUint(frame, 0);
  if (!length) return null;
  const [size, start] = length;
  if (size === 0) return { end: start, aliasAt: start };
  // A name must leave room for the message type that follows it.
  if (start + size >= frame.length) return null;
  return { end: start + size, aliasAt: 0 };
}

function concat(head: ArrayLike<number>, frame: Uint8Array, from: number): Uint8Array {
  const out = new Uint8Array(head.length + frame.length - from);
  out.set(head, 0);
  out.set(frame.subarray(from), head.length);
  return out;
}

/** A name's key in the encoder's table: its bytes, one char per byte (no UTF-8 decoding). */
function nameKey(frame: Uint8Array, end: number): string {
  return String.fromCharCode(...frame.subarray(0, end));
}

/** The sending side of one direction of a socket. */
export class AliasEncoder {
  private readonly aliases = new Map<string, number>();

  /** The frame as it goes on the wire: aliased when its document was named before. */
  encode(frame: Uint8Array): Uint8Array {
    const prefix = namePrefix(frame);
    if (!prefix || prefix.aliasAt !== 0) return frame;
    const key = nameKey(frame, prefix.end);
    const alias = this.aliases.get(key);
    if (alias === undefined) {
      if (this.aliases.size < MAX_DOCUMENT_ALIASES) this.aliases.set(key, this.aliases.size);
      return frame;
    }
    const head = [0];
    writeVarUint(alias, head);
    return concat(head, frame, prefix.end);
  }
}

/** The receiving side of one direction of a socket. */
export class AliasDecoder {
  private readonly names: Uint8Array[] = [];
  private readonly known = new Set<string>();

  /**
   * The frame with its document's name back in place. Throws {@link UnknownAliasError} for an
   * alias never assigned (a broken or hostile peer: close its socket).
   */
  decode(frame: Uint8Array): Uint8Array {
    const prefix = namePrefix(frame);
    if (!prefix) return frame;
    if (prefix.aliasAt === 0) {
      if (this.names.length < MAX_DOCUMENT_ALIASES) {
        const key = nameKey(frame, prefix.end);
        if (!this.known.has(key)) {
          this.known.add(key);
          this.names.push(frame.slice(0, prefix.end));
        }
      }
      return frame;
    }
    const alias = readVarUint(frame, prefix.aliasAt);
    const name = alias ? this.names[alias[0]] : undefined;
    if (!alias || !name) throw new UnknownAliasError(alias?.[0] ?? -1);
    return concat(name, frame, alias[1]);
  }
}

/** What {@link withDocumentAliases} needs of a WebSocket class (the browser's, or `ws`'s). */
interface WebSocketLike {
  readonly protocol: string;
  send(data: never): void;
  addEventListener(type: string, listener: never, options?: never): void;
  removeEventListener(type: string, listener: never, options?: never): void;
}

type WebSocketClass = new (url: string, protocols?: string | string[]) => WebSocketLike;

type Listener = (event: { data: unknown }) => void;

/** The bytes of a WebSocket message's data (ArrayBuffer or a view), or null for text. */
export function frameBytes(data: unknown): Uint8Array | null {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
}

/** A `message` event carrying `data`: a MessageEvent where there is one (browsers, Node). */
function messageEvent(data: ArrayBufferLike): { data: unknown } {
  const MessageEventClass = (
    globalThis as {
      MessageEvent?: new (type: string, init: { data: unknown }) => { data: unknown };
    }
  ).MessageEvent;
  return MessageEventClass ? new MessageEventClass('message', { data }) : { data };
}

/**
 * A WebSocket class that asks for {@link DOCUMENT_ALIASES_PROTOCOL} and, when the server
 * agrees, aliases what it sends and restores what its `message` listeners receive (those
 * added with addEventListener: what HocuspocusProviderWebsocket uses). Listeners get a
 * MessageEvent whose `data` is an ArrayBuffer (set `binaryType = 'arraybuffer'`, as the
 * provider does). Works over the browser's WebSocket and `ws`.
 */
export function withDocumentAliases<T extends WebSocketClass>(Base: T): T {
  const Socket: WebSocketClass = Base;
  class AliasingWebSocket extends Socket {
    private readonly encoder = new AliasEncoder();
    private readonly decoder = new AliasDecoder();
    private readonly wrapped = new WeakMap<object, Listener>();

    constructor(url: string) {
      super(url, [DOCUMENT_ALIASES_PROTOCOL]);
    }

    private get aliasing(): boolean {
      return this.protocol === DOCUMENT_ALIASES_PROTOCOL;
    }

    override send(data: never, ...rest: never[]): void {
      const bytes = this.aliasing ? frameBytes(data) : null;
      (super.send as (...args: unknown[]) => void)(
        bytes ? this.encoder.encode(bytes) : data,
        ...rest,
      );
    }

    override addEventListener(type: string, listener: never, options?: never): void {
      if (type !== 'message' || typeof listener !== 'function') {
        super.addEventListener(type, listener, options);
        return;
      }
      const inner = listener as Listener;
      const outer: Listener = (event) => {
        const bytes = this.aliasing ? frameBytes(event.data) : null;
        if (!bytes) {
          inner.call(this, event);
          return;
        }
        const decoded = this.decoder.decode(bytes);
        if (decoded === bytes) {
          inner.call(this, event);
          return;
        }
        inner.call(this, messageEvent(decoded.buffer));
      };
      this.wrapped.set(inner, outer);
      super.addEventListener(type, outer as never, options);
    }

    override removeEventListener(type: string, listener: never, options?: never): void {
      const outer = typeof listener === 'function' ? this.wrapped.get(listener) : undefined;
      super.removeEventListener(type, (outer ?? listener) as never, options);
    }
  }
  return AliasingWebSocket as unknown as T;
}
