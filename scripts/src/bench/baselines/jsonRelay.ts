/**
 * Baseline (a): the naive relay that socket.io-style drawing apps run. Every message a
 * client sends is parsed as JSON (to route and sanity-check it, as such servers do) and the
 * original text is broadcast to everyone else in the room; nothing is stored or validated
 * beyond that. Rooms are the WebSocket path. Started by the bench with an IPC channel; it
 * reports `{type: 'ready', port}`.
 */
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

const rooms = new Map<string, Set<WebSocket>>();
const server = createServer((_request, response) => response.writeHead(404).end());
const wss = new WebSocketServer({ server });

wss.on('connection', (socket, request) => {
  const name = (request.url ?? '/').split('?')[0] ?? '/';
  let room = rooms.get(name);
  if (!room) {
    room = new Set();
    rooms.set(name, room);
  }
  const members = room;
  members.add(socket);
  socket.on('message', (data: Buffer, isBinary: boolean) => {
    if (isBinary) return;
    const text = data.toString('utf8');
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null || !('type' in message)) return;
    for (const peer of members) {
      if (peer !== socket && peer.readyState === peer.OPEN) peer.send(text);
    }
  });
  socket.on('close', () => {
    members.delete(socket);
    if (members.size === 0) rooms.delete(name);
  });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({
    type: 'ready',
    port: typeof address === 'object' && address ? address.port : 0,
  });
});
process.on('SIGTERM', () => process.exit(0));
process.on('disconnect', () => process.exit(0));
