import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

/** Request codes of the untyped first messages (protocol 3.0 startup phase). */
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
/** Message types after which the backend answers and the client waits: the end of a group. */
const GROUP_ENDS = new Set(['S', 'Q', 'H']);
/** Terminate: the client is done. */
const TERMINATE = 'X';
/** Messages larger than this are refused (a sane bound for this game's database use). */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/**
 * PGlite's single session, served over the Postgres wire protocol to many connections.
 *
 * PGlite has one backend session. Serving several connections safely means never letting
 * one connection's messages land inside another's exchange: an extended-protocol exchange
 * (Parse, Bind, Describe, Execute … up to Sync) and an open transaction (BEGIN … COMMIT)
 * belong to one connection at a time. So each connection's messages are grouped up to the
 * point where the backend answers (Sync, Query, Flush), and a connection holds the session
 * from its first group until it is back outside any transaction at a Sync or a Query.
 * (pglite-socket 0.2 queues single messages, which interleaves concurrent exchanges: writes
 * were lost under `npm start`; see scripts/README.md.)
 */
export class PGliteServer {
  private readonly server: Server;
  private readonly lock = new SessionLock();
  private nextId = 1;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly db: PGlite) {
    this.server = createServer((socket) => this.serve(socket));
  }

  /** Listens on loopback; resolves with the port. */
  listen(port = 0, host = '127.0.0.1'): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  /** Stops accepting and closes every connection. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private serve(socket: Socket): void {
    const id = this.nextId++;
    this.sockets.add(socket);
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let started = false;
    let group: Buffer[] = [];
    let work = Promise.resolve();
    const run = (messages: Buffer[], endsExchange: boolean) => {
      work = work
        .then(() => this.execute(id, socket, messages, endsExchange))
        .catch(() => {
          socket.destroy();
        });
    };

    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!started) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          if (length < 8 || length > MAX_MESSAGE_BYTES) return void socket.destroy();
          if (buffer.length < length) return;
          const code = buffer.readInt32BE(4);
          const message = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            socket.write('N'); // no encryption on loopback
            continue;
          }
          if (code === CANCEL_REQUEST) return void socket.destroy();
          started = true;
          run([Buffer.from(message)], true);
          continue;
        }
        if (buffer.length < 5) return;
        const type = String.fromCharCode(buffer[0]!);
        const length = buffer.readInt32BE(1) + 1;
        if (length < 5 || length > MAX_MESSAGE_BYTES) return void socket.destroy();
        if (buffer.length < length) return;
        const message = Buffer.from(buffer.subarray(0, length));
        buffer = buffer.subarray(length);
        if (type === TERMINATE) return void socket.end();
        group.push(message);
        if (GROUP_ENDS.has(type)) {
          run(group, type !== 'H');
          group = [];
        }
      }
    });
    const finish = () => {
      this.sockets.delete(socket);
      work = work.then(() => this.release(id));
    };
    socket.on('close', finish);
    socket.on('error', () => socket.destroy());
  }

  private async execute(
    id: number,
    socket: Socket,
    messages: Buffer[],
    endsExchange: boolean,
  ): Promise<void> {
    await this.lock.acquire(id);
    await this.db.execProtocolRawStream(new Uint8Array(Buffer.concat(messages)), {
      onRawData: (data: Uint8Array) => {
        if (!socket.destroyed) socket.write(data);
      },
    });
    // Keep the session through an unfinished exchange or an open transaction.
    if (endsExchange && !this.db.isInTransaction()) this.lock.release(id);
  }

  /** A connection gone: undo its open transaction, if any, and free the session. */
  private async release(id: number): Promise<void> {
    if (!this.lock.isHeldBy(id)) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK').catch(() => undefined);
    this.lock.release(id);
  }
}

/** The session: held by one connection at a time, handed on in arrival order. */
class SessionLock {
  private owner: number | null = null;
  private readonly waiters: (() => void)[] = [];

  async acquire(id: number): Promise<void> {
    while (this.owner !== null && this.owner !== id) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    this.owner = id;
  }

  isHeldBy(id: number): boolean {
    return this.owner === id;
  }

  release(id: number): void {
    if (this.owner !== id) return;
    this.owner = null;
    this.waiters.shift()?.();
  }
}
