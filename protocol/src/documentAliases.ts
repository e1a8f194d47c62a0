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

/**
 * What a client closes with when the server names an alias never assigned: the code the
 * server closes such a client with (invalid-update). The web app shows that refusal and
 * offers a reload; a Node client's provider reconnects. Either way a new socket starts both
 * tables afresh.
 */
const CLOSE_UNKNOWN_ALIAS = 4422;

/** A frame named an alias its direction never assigned. */
export class UnknownAliasError extends Error {
  constructor(alias: number) {
    super(`frame names document alias ${String(alias)}, which was never assigned`);
    this.name = 'UnknownAliasError';
  }
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

/** The frame starts with a zero-length name: an alias follows. */
const ALIASED = -1;

/**
 * Where the frame's document name ends (its varstring included), {@link ALIASED}, or 0 for
 * bytes that do not start with a name (ping, pong, cut short). Runs on every frame: names
 * under 128 bytes (all of Scrawl's) take the path without allocating.
 */
function nameEnd(frame: Uint8Array): number {
  const first = frame[0];
  if (first === undefined) return 0;
  if (first === 0) return ALIASED;
  let size = first;
  let start = 1;
  if (first >= 0x80) {
    const length = readVarUint(frame, 0);
    if (!length) return 0;
    [size, start] = length;
  }
  // A name must leave room for the message type that follows it.
  return start + size < frame.length ? start + size : 0;
}

/** `head` then `frame` from `from`, in one new array (small frames copied by hand: cheaper). */
function concat(head: ArrayLike<number>, frame: Uint8Array, from: number): Uint8Array {
  const out = new Uint8Array(head.length + frame.length - from);
  for (let i = 0; i < head.length; i++) out[i] = head[i]!;
  if (frame.length - from > 64) {
    out.set(frame.subarray(from), head.length);
    return out;
  }
  for (let i = from, j = head.length; i < frame.length; i++, j++) out[j] = frame[i]!;
  return out;
}

/**
 * The documents one direction has named, by alias (their order of first appearance), found
 * by the bytes of a frame's name without decoding or copying them.
 */
class NameTable {
  readonly names: Uint8Array[] = [];
  private readonly byHash = new Map<number, number[]>();

  /** The alias of the name that ends at `end`, or -1; records it when new and room is left. */
  aliasOf(frame: Uint8Array, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = 0; i < end; i++) hash = Math.imul(hash ^ frame[i]!, 0x01000193);
    const bucket = this.byHash.get(hash);
    if (bucket) {
      for (const alias of bucket) if (sameName(this.names[alias]!, frame, end)) return alias;
    }
    if (this.names.length < MAX_DOCUMENT_ALIASES) {
      const alias = this.names.length;
      this.names.push(frame.slice(0, end));
      if (bucket) bucket.push(alias);
      else this.byHash.set(hash, [alias]);
    }
    return -1;
  }
}

function sameName(name: Uint8Array, frame: Uint8Array, end: number): boolean {
  if (name.length !== end) return false;
  for (let i = 0; i < end; i++) if (name[i] !== frame[i]) return false;
  return true;
}

/** The sending side of one direction of a socket. */
export class AliasEncoder {
  private readonly table = new NameTable();

  /** The frame as it goes on the wire: aliased when its document was named before. */
  encode(frame: Uint8Array): Uint8Array {
    const end = nameEnd(frame);
    if (end <= 0) return frame;
    const alias = this.table.aliasOf(frame, end);
    if (alias < 0) return frame;
    const head = [0];
    writeVarUint(alias, head);
    return concat(head, frame, end);
  }
}

/** The receiving side of one direction of a socket. */
export class AliasDecoder {
  private readonly table = new NameTable();

  /**
   * The frame with its document's name back in place. Throws {@link UnknownAliasError} for an
   * alias never assigned (a broken or hostile peer: close its socket).
   */
  decode(frame: Uint8Array): Uint8Array {
    const end = nameEnd(frame);
    if (end === 0) return frame;
    if (end > 0) {
      this.table.aliasOf(frame, end);
      return frame;
    }
    const [name, from] = this.aliased(frame);
    return concat(name, frame, from);
  }

  /**
   * The name (its varstring: length, then UTF-8) of the document a frame is about, or null
   * for a frame without one; records names as {@link decode} does, and builds no frame. For a
   * reader that only needs to know the document (a meter), beside the one that decodes.
   */
  nameOf(frame: Uint8Array): Uint8Array | null {
    const end = nameEnd(frame);
    if (end === 0) return null;
    if (end < 0) return this.aliased(frame)[0];
    const alias = this.table.aliasOf(frame, end);
    return alias < 0 ? frame.subarray(0, end) : this.table.names[alias]!;
  }

  /** An aliased frame's document name, and where the frame goes on after the alias. */
  private aliased(frame: Uint8Array): [Uint8Array, number] {
    const second = frame[1];
    const alias =
      second !== undefined && second < 0x80 ? ([second, 2] as const) : readVarUint(frame, 1);
    const name = alias ? this.table.names[alias[0]] : undefined;
    if (!alias || !name) throw new UnknownAliasError(alias?.[0] ?? -1);
    return [name, alias[1]];
  }
}

/** What {@link withDocumentAliases} needs of a WebSocket class (the browser's, or `ws`'s). */
interface WebSocketLike {
  readonly protocol: string;
  send(data: never): void;
  close(code?: number, reason?: string): void;
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

/**
 * A WebSocket class that asks for {@link DOCUMENT_ALIASES_PROTOCOL} and, when the server
 * agrees, aliases what it sends and restores what its `message` listeners receive (those
 * added with addEventListener: what HocuspocusProviderWebsocket uses). A restored frame
 * reaches listeners as `{type, data, target}` with `data` an ArrayBuffer (set
 * `binaryType = 'arraybuffer'`, as the provider does); frames that needed no restoring come
 * in their own MessageEvent. Works over the browser's WebSocket and `ws`.
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
        let decoded: Uint8Array;
        try {
          decoded = this.decoder.decode(bytes);
        } catch (error) {
          // The tables no longer agree; a new socket starts both afresh.
          if (!(error instanceof UnknownAliasError)) throw error;
          this.close(CLOSE_UNKNOWN_ALIAS, 'unknown document alias');
          return;
        }
        if (decoded === bytes) {
          inner.call(this, event);
          return;
        }
        // What message listeners read of the event, not a new MessageEvent: Node's (undici's)
        // costs more to build than decoding the frame (a load generator's 3 % of a core).
        inner.call(this, { type: 'message', data: decoded.buffer, target: this });
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
