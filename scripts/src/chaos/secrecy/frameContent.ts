import * as Y from 'yjs';

/**
 * What a frame a client receives carries, read field by field, so a search for a secret can
 * tell text (where a word would be written) from opaque bytes (stroke point chunks, ids,
 * clocks, numbers). Written apart from the collab-server's own frame code on purpose: a checker
 * that shares the product's decoder would share its blind spots.
 */

/** Hocuspocus message types (the varint after the document name). */
const MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  syncReply: 4,
  stateless: 5,
  broadcastStateless: 6,
  close: 7,
  syncStatus: 8,
  ping: 9,
  pong: 10,
} as const;
/** y-protocols sync message types. */
const SYNC_STEP_1 = 0;
/** Hocuspocus auth message types: the token request carries no text. */
const AUTH_TOKEN_REQUEST = 0;

export interface FrameContent {
  documentName: string;
  type: number;
  /** Every string the frame carries, once each, as it was encoded (keys and values alike). */
  strings: string[];
  /** The texts of player chat lines (a subset of `strings`), held to the stricter chat rule. */
  chatTexts: string[];
  /** Arrays of strings read as one text (a hint whose every slot is shown spells the word). */
  joined: string[];
  /** The Yjs update of a sync step 2 or update message. */
  update: Uint8Array | null;
  /** The payload of a stateless message. */
  stateless: string | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** lib0's variable-length encodings, just what a frame needs. */
class Reader {
  private pos = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  uint(): number {
    let value = 0;
    let multiplier = 1;
    for (;;) {
      const byte = this.bytes[this.pos++];
      if (byte === undefined) throw new RangeError('frame cut short');
      value += (byte & 0x7f) * multiplier;
      if (byte < 0x80) return value;
      multiplier *= 128;
      if (multiplier > 2 ** 56) throw new RangeError('varint too long');
    }
  }

  bytesField(): Uint8Array {
    const length = this.uint();
    if (this.pos + length > this.bytes.length) throw new RangeError('frame cut short');
    const out = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  string(): string {
    return utf8.decode(this.bytesField());
  }
}

/** Reads one frame, or returns null when it is not a frame this decoder knows in full. */
export function readFrame(bytes: Uint8Array): FrameContent | null {
  try {
    const reader = new Reader(bytes);
    const documentName = reader.string();
    const type = reader.uint();
    const content: FrameContent = {
      documentName,
      type,
      strings: [documentName],
      chatTexts: [],
      joined: [],
      update: null,
      stateless: null,
    };
    readBody(reader, content);
    return reader.done ? content : null;
  } catch {
    return null;
  }
}

function readBody(reader: Reader, content: FrameContent): void {
  switch (content.type) {
    case MESSAGE.sync:
    case MESSAGE.syncReply: {
      const step = reader.uint();
      const payload = reader.bytesField();
      // A state vector is client ids and clocks only.
      if (step !== SYNC_STEP_1) {
        content.update = payload;
        readUpdate(payload, content);
      }
      return;
    }
    case MESSAGE.awareness: {
      const update = new Reader(reader.bytesField());
      for (let count = update.uint(); count > 0; count--) {
        update.uint(); // client id
        update.uint(); // clock
        readJsonText(update.string(), content);
      }
      if (!update.done) throw new RangeError('awareness update too long');
      return;
    }
    case MESSAGE.auth:
      if (reader.uint() !== AUTH_TOKEN_REQUEST) content.strings.push(reader.string());
      return;
    case MESSAGE.stateless:
    case MESSAGE.broadcastStateless:
      content.stateless = reader.string();
      readJsonText(content.stateless, content);
      return;
    case MESSAGE.close:
      content.strings.push(reader.string());
      return;
    case MESSAGE.syncStatus:
      reader.uint();
      return;
    case MESSAGE.queryAwareness:
    case MESSAGE.ping:
    case MESSAGE.pong:
      return;
    default:
      throw new RangeError(`unknown message type ${content.type}`);
  }
}

/** A text that is JSON is read value by value; any other text counts as one string. */
function readJsonText(text: string, content: FrameContent): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    content.strings.push(text);
    return;
  }
  readValue(value, content);
}

/** Every struct of a Yjs (v1) update: root names, map keys, and the content of each item. */
function readUpdate(update: Uint8Array, content: FrameContent): void {
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item)) continue;
    // A decoded item names its root type by a string (the type itself is not there).
    const parent: unknown = struct.parent;
    if (typeof parent === 'string') content.strings.push(parent);
    if (struct.parentSub !== null) content.strings.push(struct.parentSub);
    const item = struct.content;
    if (item instanceof Y.ContentString) content.strings.push(item.str);
    else if (item instanceof Y.ContentAny || item instanceof Y.ContentJSON) {
      for (const value of item.arr) readValue(value, content);
    } else if (item instanceof Y.ContentFormat) {
      content.strings.push(item.key);
      readValue(item.value, content);
    } else if (item instanceof Y.ContentEmbed) readValue(item.embed, content);
    else if (item instanceof Y.ContentDoc) {
      content.strings.push(item.doc.guid);
      readValue(item.opts, content);
    } else if (item instanceof Y.ContentType && item.type instanceof Y.XmlElement) {
      content.strings.push(item.type.nodeName);
    }
  }
}

/** A JSON or Yjs "any" value: its strings and keys, recursively (bytes stay opaque). */
function readValue(value: unknown, content: FrameContent): void {
  if (typeof value === 'string') content.strings.push(value);
  else if (Array.isArray(value)) {
    for (const element of value) readValue(element, content);
    if (value.length > 1 && value.every((e) => typeof e === 'string' || e === null)) {
      // Hidden slots (null) break the text, as they break the word on screen.
      content.joined.push(value.map((e: string | null) => e ?? ' ').join(''));
    }
  } else if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) {
    for (const [key, field] of Object.entries(value)) {
      content.strings.push(key);
      readValue(field, content);
    }
    const line = value as { kind?: unknown; text?: unknown };
    if (line.kind === 'chat' && typeof line.text === 'string') content.chatTexts.push(line.text);
  }
}
