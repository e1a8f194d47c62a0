import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Hocuspocus } from '@hocuspocus/server';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  AliasDecoder,
  AliasEncoder,
  CloseCodes,
  DOCUMENT_ALIASES_PROTOCOL,
} from '@scrawl/protocol';
import type { Metrics } from '../metrics.js';
import { FrameType, readFrameHeader } from './frames.js';
import { SocketRateLimiter, type SocketLimiters, type SocketLimits } from './RateLimiter.js';

/** The path browsers and the referee open their one WebSocket on. */
export const COLLAB_PATH = '/collab';

export interface WebSocketOptions extends SocketLimits {
  /** Largest frame accepted, in bytes; a larger one closes the socket (1009). */
  maxFrameBytes: number;
  /** Open sockets per client address; 0 for no limit. */
  maxConnectionsPerIp: number;
  /** Take the client's address from X-Forwarded-For (set only behind a proxy that overwrites it). */
  trustProxy: boolean;
  /** Where each socket's limiter is registered, for authentication to lift (the referee). */
  limiters: SocketLimiters;
}

/**
 * Serves Hocuspocus on `COLLAB_PATH` of an existing HTTP server, sharing its port with the
 * HTTP API. Enforces the per-address connection limit at the upgrade and the per-socket rate
 * limits on every frame, before Hocuspocus sees it. Returns a function that closes every
 * socket with "going away".
 */
export function attachCollabWebSocket(
  server: Server,
  hocuspocus: Hocuspocus,
  metrics: Metrics,
  options: WebSocketOptions,
): { closeAll: () => void; sockets: Set<WebSocket> } {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxFrameBytes,
    // Clients that ask for document aliases get them; the rest are served plain frames.
    handleProtocols: (protocols) =>
      protocols.has(DOCUMENT_ALIASES_PROTOCOL) ? DOCUMENT_ALIASES_PROTOCOL : false,
  });
  const sockets = new Set<WebSocket>();
  const perAddress = new Map<string, number>();

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== COLLAB_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    const address = clientAddress(request, options.trustProxy);
    const open = perAddress.get(address) ?? 0;
    if (options.maxConnectionsPerIp > 0 && open >= options.maxConnectionsPerIp) {
      metrics.refused.inc({ reason: 'connections-per-ip' });
      socket.end(
        'HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\n\r\nToo many connections from your address.',
      );
      return;
    }
    perAddress.set(address, open + 1);
    wss.handleUpgrade(request, socket, head, (ws) => {
      sockets.add(ws);
      metrics.connections.inc();
      const limiter = new SocketRateLimiter(options, options.maxFrameBytes, Date.now());
      const client = hocuspocus.handleConnection(ws, toFetchRequest(request));
      // Hocuspocus names the socket in its hook payloads (socketId); the type keeps it private.
      const socketId = (client as unknown as { socketId: string }).socketId;
      options.limiters.add(socketId, limiter);
      const presence = new HeldPresence(
        1000 / options.presencePerSecond,
        () => limiter.allow('presence', 0, Date.now()),
        (frame) => client.handleMessage(frame),
      );
      const aliased = ws.protocol === DOCUMENT_ALIASES_PROTOCOL;
      const decoder = aliased ? new AliasDecoder() : null;
      const encoder = aliased ? new AliasEncoder() : null;
      ws.on('message', (data: Buffer, isBinary: boolean) => {
        metrics.bytesIn.inc(data.length);
        const frame = unalias(decoder, new Uint8Array(data.buffer, data.byteOffset, data.length));
        const header = isBinary && frame ? readFrameHeader(frame) : null;
        if (!header || !frame) {
          metrics.refused.inc({ reason: 'malformed' });
          ws.close(CloseCodes.invalidUpdate.code, CloseCodes.invalidUpdate.reason);
          return;
        }
        const kind = kindOf(header.type);
        const now = Date.now();
        if (!limiter.allow(kind, data.length, now)) {
          if (kind === 'presence' && limiter.mayHoldPresence(now)) {
            presence.hold(frame);
            return;
          }
          metrics.refused.inc({ reason: 'rate-limited' });
          ws.close(CloseCodes.rateLimited.code, CloseCodes.rateLimited.reason);
          return;
        }
        // A newer presence supersedes one still held.
        if (kind === 'presence') presence.drop();
        client.handleMessage(frame);
      });
      ws.on('close', (code: number, reason: Buffer) => {
        presence.drop();
        options.limiters.remove(socketId);
        sockets.delete(ws);
        metrics.connections.dec();
        const left = (perAddress.get(address) ?? 1) - 1;
        if (left <= 0) perAddress.delete(address);
        else perAddress.set(address, left);
        client.handleClose({ code, reason: reason.toString() });
      });
      ws.on('error', () => {
        // 'close' follows; an oversized frame lands here first (ws closes with 1009).
        metrics.refused.inc({ reason: 'socket-error' });
      });
      const send = ws.send.bind(ws);
      ws.send = ((data: Uint8Array, ...rest: unknown[]) => {
        const wire = encoder && data instanceof Uint8Array ? encoder.encode(data) : data;
        metrics.bytesOut.inc(wire.byteLength);
        return (send as (...args: unknown[]) => void)(wire, ...rest);
      }) as typeof ws.send;
    });
  });

  return {
    sockets,
    closeAll() {
      for (const ws of sockets) ws.close(CloseCodes.goingAway.code, CloseCodes.goingAway.reason);
    },
  };
}

/** The frame with its document name restored, or null when it names an unknown alias. */
function unalias(decoder: AliasDecoder | null, frame: Uint8Array): Uint8Array | null {
  if (!decoder) return frame;
  try {
    return decoder.decode(frame);
  } catch {
    return null;
  }
}

/** The client's address: the socket's peer, or the proxy's X-Forwarded-For when trusted. */
function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = request.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  if (trustProxy && first) return first;
  return request.socket.remoteAddress ?? 'unknown';
}

/**
 * The latest presence frame of a socket that came faster than its limit: kept (replacing an
 * older one) and passed on as soon as the limit allows, so the last cursor position always
 * arrives and the ones in between are skipped.
 */
class HeldPresence {
  private frame: Uint8Array | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly retryMs: number,
    private readonly allowed: () => boolean,
    private readonly pass: (frame: Uint8Array) => void,
  ) {}

  hold(frame: Uint8Array): void {
    this.frame = frame;
    this.timer ??= setTimeout(this.release, this.retryMs);
  }

  drop(): void {
    this.frame = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private readonly release = (): void => {
    this.timer = null;
    const frame = this.frame;
    if (!frame) return;
    if (!this.allowed()) {
      this.timer = setTimeout(this.release, this.retryMs);
      return;
    }
    this.frame = null;
    this.pass(frame);
  };
}

function kindOf(type: number): 'update' | 'presence' | 'rpc' | 'other' {
  if (type === FrameType.sync || type === FrameType.syncReply) return 'update';
  if (type === FrameType.awareness) return 'presence';
  if (type === FrameType.stateless) return 'rpc';
  return 'other';
}

function toFetchRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  return new Request(`http://${request.headers.host ?? 'localhost'}${request.url ?? '/'}`, {
    headers,
  });
}
