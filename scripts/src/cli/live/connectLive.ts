import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { presenceSchema, serviceToken, type Presence } from '@scrawl/protocol';
import { UnreachableError } from '../errors.js';
import type { LiveLink } from '../target/Target.js';

/** How long the collab-server has to authenticate and sync the CLI. */
export const LIVE_TIMEOUT_MS = 5000;

/** A document open on the live server, read-only. */
export interface LiveDocument {
  readonly provider: HocuspocusProvider;
  readonly doc: Y.Doc;
  /** Leaves the document and closes the socket. */
  close(): void;
}

/** A presence entry as the CLI shows it: the parsed entry, or the raw one that does not parse. */
export type PresenceEntry =
  | ({ readonly clientId: number } & Presence)
  | { readonly clientId: number; readonly invalid: unknown };

/**
 * Opens a document on the collab-server with the referee's service credential (it reads
 * every document) as an observer: the CLI never changes the document and shows no presence
 * of its own. Resolves once synced.
 * @throws UnreachableError when the server does not answer in time or refuses the secret.
 */
export function connectLive(link: LiveLink, name: string): Promise<LiveDocument> {
  const socket = new HocuspocusProviderWebsocket({ url: link.url, WebSocketPolyfill: WebSocket });
  const doc = new Y.Doc();
  let provider: HocuspocusProvider | null = null;
  const close = () => {
    provider?.destroy();
    socket.destroy();
  };
  return new Promise<LiveDocument>((resolve, reject) => {
    const timer = setTimeout(() => {
      close();
      reject(
        new UnreachableError(
          `The collab-server at ${link.url} did not answer within ${LIVE_TIMEOUT_MS / 1000} s. Is it running (COLLAB_URL)?`,
        ),
      );
    }, LIVE_TIMEOUT_MS);
    provider = new HocuspocusProvider({
      websocketProvider: socket,
      name,
      document: doc,
      token: serviceToken(`scrawl-cli-${process.pid}`, link.secret),
      onSynced: () => {
        clearTimeout(timer);
        if (provider) resolve({ provider, doc, close });
      },
      onAuthenticationFailed: ({ reason }) => {
        clearTimeout(timer);
        close();
        reject(
          new UnreachableError(
            `The collab-server at ${link.url} refused the CLI (${reason}): is REFEREE_SECRET the server's?`,
          ),
        );
      },
    });
    provider.awareness?.setLocalState(null);
    provider.attach();
  });
}

/** Every other client's presence on a live document, by client id. */
export function presenceEntries(live: LiveDocument): PresenceEntry[] {
  const awareness = live.provider.awareness;
  if (!awareness) return [];
  const entries: PresenceEntry[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID || Object.keys(state).length === 0) continue;
    entries.push(presenceEntry(clientId, state));
  }
  return entries.sort((a, b) => a.clientId - b.clientId);
}

/** One awareness state, parsed as presence. */
export function presenceEntry(clientId: number, state: unknown): PresenceEntry {
  const parsed = presenceSchema.safeParse(state);
  return parsed.success ? { clientId, ...parsed.data } : { clientId, invalid: state };
}
