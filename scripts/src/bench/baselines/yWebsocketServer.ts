/**
 * Baseline (b): a plain y-websocket-protocol server, the y-websocket@1.5.4 server utilities
 * (`bin/utils`' setupWSConnection: one Y.Doc per path, sync and awareness relayed, no
 * persistence, no validation). The newer @y/websocket-server does not install here.
 * Started by the bench with an IPC channel; it reports `{type: 'ready', port}`.
 */
import { createServer } from 'node:http';
import { setupWSConnection } from 'y-websocket/bin/utils';
import { WebSocketServer } from 'ws';

const server = createServer((_request, response) => response.writeHead(404).end());
const wss = new WebSocketServer({ server });
wss.on('connection', (socket, request) => setupWSConnection(socket, request));

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({
    type: 'ready',
    port: typeof address === 'object' && address ? address.port : 0,
  });
});
process.on('SIGTERM', () => process.exit(0));
process.on('disconnect', () => process.exit(0));
