/**
 * Baseline (c): Hocuspocus alone — the server Scrawl's collab-server is built on, as it comes
 * (`new Server()` with no extensions: no authentication, persistence, validation, Redis or
 * referee). What Scrawl costs beyond it is Scrawl's own. Started by the bench with an IPC
 * channel; it reports `{type: 'ready', port}`.
 */
import { Server } from '@hocuspocus/server';

const server = new Server({ address: '127.0.0.1', port: 0, quiet: true });
await server.listen();
process.send?.({ type: 'ready', port: server.address.port });
process.on('SIGTERM', () => process.exit(0));
process.on('disconnect', () => process.exit(0));
