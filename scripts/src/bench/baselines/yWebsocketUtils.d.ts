/** The part of y-websocket@1.5.4's server utilities (bin/utils.js, untyped) the baseline uses. */
declare module 'y-websocket/bin/utils' {
  import type { IncomingMessage } from 'node:http';
  import type { WebSocket } from 'ws';

  /** Serves one client of the document named by the request path (or `docName`). */
  export function setupWSConnection(
    conn: WebSocket,
    req: IncomingMessage,
    options?: { docName?: string; gc?: boolean },
  ): void;
}
