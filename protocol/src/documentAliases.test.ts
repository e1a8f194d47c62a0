import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  AliasDecoder,
  AliasEncoder,
  MAX_DOCUMENT_ALIASES,
  DOCUMENT_ALIASES_PROTOCOL,
  UnknownAliasError,
  withDocumentAliases,
} from './documentAliases.js';
import { canvasDocName, gameDocName } from './documents.js';
import type { RoomId } from './ids.js';

const room = 'abcdefgh12345678' as RoomId;

/** A document name as a varstring: its length, then its bytes (document names are ASCII). */
function varString(name: string): number[] {
  const bytes = Array.from(name, (c) => c.charCodeAt(0));
  const length =
    bytes.length < 128 ? [bytes.length] : [(bytes.length & 0x7f) | 0x80, bytes.length >> 7];
  return [...length, ...bytes];
}

/** A Hocuspocus frame: the document name as a varstring, then the message type and body. */
function frame(name: string, type: number, ...body: number[]): Uint8Array {
  return Uint8Array.from([...varString(name), type, ...body]);
}

const PING = Uint8Array.of(9);

describe('document aliases', () => {
  it('sends a document’s name once, then two bytes in its place', () => {
    const encoder = new AliasEncoder();
    const decoder = new AliasDecoder();
    const canvas = frame(canvasDocName(room, 3), 0, 2, 5, 1, 2, 3, 4, 5);
    const first = encoder.encode(canvas);
    const second = encoder.encode(canvas);

    expect(first).toEqual(canvas);
    expect(Array.from(second)).toEqual([0, 0, 0, 2, 5, 1, 2, 3, 4, 5]);
    expect(second.length).toBe(canvas.length - canvasDocName(room, 3).length + 1);
    expect(decoder.decode(first)).toEqual(canvas);
    expect(decoder.decode(second)).toEqual(canvas);
  });

  it('numbers documents in order of first appearance in each direction', () => {
    const encoder = new AliasEncoder();
    const game = frame(gameDocName(room), 1, 7);
    const canvas = frame(canvasDocName(room, 0), 0, 2);
    encoder.encode(game);
    encoder.encode(canvas);
    expect(Array.from(encoder.encode(canvas)).slice(0, 2)).toEqual([0, 1]);
    expect(Array.from(encoder.encode(game)).slice(0, 2)).toEqual([0, 0]);
  });

  it('passes frames without a name (ping, pong, cut short) unchanged both ways', () => {
    const encoder = new AliasEncoder();
    const decoder = new AliasDecoder();
    for (const bytes of [PING, Uint8Array.of(10), Uint8Array.of(40, 1, 2), new Uint8Array(0)]) {
      expect(encoder.encode(bytes)).toBe(bytes);
      expect(decoder.decode(bytes)).toBe(bytes);
    }
  });

  it('refuses an alias never assigned', () => {
    const decoder = new AliasDecoder();
    decoder.decode(frame(gameDocName(room), 0, 0));
    expect(decoder.decode(Uint8Array.of(0, 0, 1))).toEqual(frame(gameDocName(room), 1));
    expect(() => decoder.decode(Uint8Array.of(0, 1, 1))).toThrow(UnknownAliasError);
    expect(() => decoder.decode(Uint8Array.of(0))).toThrow(UnknownAliasError);
    expect(() => decoder.decode(Uint8Array.of(0, 0x80))).toThrow(UnknownAliasError);
  });

  it('sends names in full once the table is full, on both sides alike', () => {
    const encoder = new AliasEncoder();
    const decoder = new AliasDecoder();
    const names = Array.from({ length: MAX_DOCUMENT_ALIASES + 3 }, (_, i) =>
      canvasDocName(room, i),
    );
    for (const name of names) decoder.decode(encoder.encode(frame(name, 0, 1)));
    const last = frame(names.at(-1)!, 0, 1);
    expect(encoder.encode(last)).toEqual(last);
    const lastAliased = frame(names[MAX_DOCUMENT_ALIASES - 1]!, 0, 1);
    const wire = encoder.encode(lastAliased);
    expect(Array.from(wire.slice(0, 3))).toEqual([0, 0xff, 0x01]);
    expect(decoder.decode(wire)).toEqual(lastAliased);
  });

  it('restores every frame of any stream, in order, and names its document', () => {
    const names = [
      gameDocName(room),
      canvasDocName(room, 0),
      canvasDocName(room, 1),
      'x'.repeat(130),
    ];
    const anyFrame = fc.oneof(
      fc
        .tuple(fc.constantFrom(...names), fc.nat(10), fc.uint8Array({ maxLength: 40 }))
        .map(([name, type, body]) => ({ bytes: frame(name, type, ...body), name })),
      fc.constantFrom(PING, Uint8Array.of(10)).map((bytes) => ({ bytes, name: null })),
    );
    fc.assert(
      fc.property(fc.array(anyFrame, { maxLength: 60 }), (frames) => {
        const encoder = new AliasEncoder();
        const decoder = new AliasDecoder();
        const reader = new AliasDecoder();
        let wire = 0;
        let plain = 0;
        for (const { bytes: original, name } of frames) {
          const sent = encoder.encode(original);
          wire += sent.length;
          plain += original.length;
          expect(decoder.decode(sent)).toEqual(original);
          expect(reader.nameOf(sent)).toEqual(
            name === null ? null : Uint8Array.from(varString(name)),
          );
        }
        expect(wire).toBeLessThanOrEqual(plain);
      }),
    );
  });
});

/** A stand-in for a WebSocket class: records what is sent, and delivers what a test passes. */
class FakeSocket {
  static last: FakeSocket | null = null;
  readonly sent: unknown[] = [];
  readonly listeners = new Map<string, Array<(event: { data: unknown }) => void>>();
  closed: { code?: number; reason?: string } | null = null;

  constructor(
    readonly url: string,
    readonly protocols?: string | string[],
  ) {
    FakeSocket.last = this;
  }

  get protocol(): string {
    return Array.isArray(this.protocols) ? (this.protocols[0] ?? '') : '';
  }

  send(data: unknown): void {
    this.sent.push(data);
  }

  close(code?: number, reason?: string): void {
    this.closed = { code, reason };
  }

  addEventListener(type: string, listener: (event: { data: unknown }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  removeEventListener(type: string, listener: (event: { data: unknown }) => void): void {
    this.listeners.set(
      type,
      (this.listeners.get(type) ?? []).filter((l) => l !== listener),
    );
  }

  deliver(bytes: Uint8Array): void {
    for (const listener of this.listeners.get('message') ?? []) listener({ data: bytes.buffer });
  }
}

describe('withDocumentAliases', () => {
  it('asks for the subprotocol, aliases what it sends and restores what it receives', () => {
    const Socket = withDocumentAliases(FakeSocket);
    const socket = new Socket('ws://scrawl.test/collab');
    const fake = FakeSocket.last!;
    expect(fake.protocols).toEqual([DOCUMENT_ALIASES_PROTOCOL]);

    const game = frame(gameDocName(room), 0, 2, 9);
    socket.send(game);
    socket.send(game);
    expect(fake.sent).toEqual([game, Uint8Array.of(0, 0, 0, 2, 9)]);

    const received: Uint8Array[] = [];
    const listener = (event: { data: unknown }) => {
      received.push(new Uint8Array(event.data as ArrayBuffer));
    };
    socket.addEventListener('message', listener);
    fake.deliver(frame(gameDocName(room), 1, 5));
    fake.deliver(Uint8Array.of(0, 0, 1, 6));
    expect(received).toEqual([frame(gameDocName(room), 1, 5), frame(gameDocName(room), 1, 6)]);

    socket.removeEventListener('message', listener);
    fake.deliver(Uint8Array.of(0, 0, 1, 7));
    expect(received).toHaveLength(2);
  });

  it('closes its socket when the server names an alias it never assigned', () => {
    const socket = new (withDocumentAliases(FakeSocket))('ws://scrawl.test/collab');
    const received: unknown[] = [];
    socket.addEventListener('message', (event: { data: unknown }) => {
      received.push(event.data);
    });
    FakeSocket.last!.deliver(Uint8Array.of(0, 3, 1, 6));
    expect(received).toEqual([]);
    expect(FakeSocket.last!.closed).toEqual({ code: 4422, reason: 'unknown document alias' });
  });
});
