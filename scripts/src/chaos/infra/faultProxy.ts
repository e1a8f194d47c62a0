import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy between clients and a server that misbehaves on command, the way a network
 * does: a black hole (nothing passes either way, connections stay open, new ones hang —
 * what a dropped route looks like to TCP), or a cut (every connection reset, new ones
 * refused — what going offline looks like to the browser).
 */
export class FaultProxy {
  private readonly links = new Set<Link>();
  private holed = false;
  private cutOff = false;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  /** Listens on a free loopback port, forwarding to `targetPort`. */
  static async start(targetPort: number): Promise<FaultProxy> {
    let proxy: FaultProxy | null = null;
    const server = createServer({ noDelay: true }, (client) => proxy?.accept(client, targetPort));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    proxy = new FaultProxy(server, typeof address === 'object' && address ? address.port : 0);
    return proxy;
  }

  /** The collab WebSocket URL through this proxy. */
  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}/collab`;
  }

  /** Open connections. */
  get connections(): number {
    return this.links.size;
  }

  /** Starts a black hole: nothing passes, nothing is closed. */
  holeOn(): void {
    this.holed = true;
    for (const link of this.links) link.hold();
  }

  /** Ends the black hole: what was held flows on. */
  holeOff(): void {
    this.holed = false;
    for (const link of this.links) link.release();
  }

  /** Resets every connection and refuses new ones until `restore()`. */
  cut(): void {
    this.cutOff = true;
    for (const link of this.links) link.destroy(true);
  }

  restore(): void {
    this.cutOff = false;
  }

  async close(): Promise<void> {
    for (const link of this.links) link.destroy(false);
    await new Promise((resolve) => this.server.close(resolve));
  }

  private accept(client: Socket, targetPort: number): void {
    if (this.cutOff) {
      client.resetAndDestroy();
      return;
    }
    const link = new Link(client, targetPort, () => this.links.delete(link));
    this.links.add(link);
    if (this.holed) link.hold();
    else link.release();
  }
}

/** One client connection and its upstream. */
class Link {
  private upstream: Socket | null = null;
  private holding = true;
  private closed = false;

  constructor(
    private readonly client: Socket,
    private readonly targetPort: number,
    private readonly onClosed: () => void,
  ) {
    client.pause();
    client.on('error', () => this.destroy(false));
    client.on('close', () => this.destroy(false));
  }

  hold(): void {
    this.holding = true;
    this.client.pause();
    this.upstream?.pause();
  }

  release(): void {
    if (this.closed) return;
    this.holding = false;
    if (!this.upstream) {
      const upstream = connect({ port: this.targetPort, host: '127.0.0.1', noDelay: true });
      this.upstream = upstream;
      upstream.on('error', () => this.destroy(false));
      upstream.on('close', () => this.destroy(false));
      this.forward(this.client, upstream);
      this.forward(upstream, this.client);
    }
    this.client.resume();
    this.upstream.resume();
  }

  destroy(reset: boolean): void {
    if (this.closed) return;
    this.closed = true;
    if (reset) this.client.resetAndDestroy();
    else this.client.destroy();
    this.upstream?.destroy();
    this.onClosed();
  }

  private forward(from: Socket, to: Socket): void {
    from.on('data', (chunk: Buffer) => {
      if (!to.write(chunk)) {
        from.pause();
        to.once('drain', () => {
          if (!this.holding) from.resume();
        });
      }
    });
    from.on('end', () => to.end());
  }
}
