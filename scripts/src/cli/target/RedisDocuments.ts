import type { Redis } from 'ioredis';
import type { DocumentStore } from '@scrawl/collab-server';
import type { DocumentSource, DocumentSummary, StoredDocument, StoredEntry } from './Target.js';

/** Keys per SCAN round trip. */
const SCAN_COUNT = 500;
/** Reads of a document that a compaction keeps racing, before the last one is taken. */
const READ_ATTEMPTS = 5;

/** How the collab-server names a document's keys; built by its one helper, `redisKeys`. */
export interface DocKeys {
  readonly docLog: (name: string) => string;
  readonly docState: (name: string) => string;
}

/**
 * Documents in Redis (services mode): a stream per document (`t`, `u`) and a hash with the
 * folded state and the last stream id it holds (`through`). Keys come from the
 * collab-server's `redisKeys`; a key is read back into its document name by building one
 * with a marker in place of the name and matching around it.
 */
export class RedisDocuments implements DocumentSource {
  readonly kind = 'redis';

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly keys: DocKeys,
  ) {}

  async store(): Promise<DocumentStore> {
    const { RedisDocumentStore } = await import('@scrawl/collab-server');
    return new RedisDocumentStore(this.redis, this.prefix);
  }

  async list(): Promise<DocumentSummary[]> {
    const names = new Set<string>();
    for (const family of [this.keys.docLog, this.keys.docState]) {
      for (const key of await this.scan(globEscape(family('\u0000')).replace('\u0000', '*'))) {
        const name = nameIn(key, family);
        if (name !== null) names.add(name);
      }
    }
    const summaries: DocumentSummary[] = [];
    for (const name of [...names].sort()) {
      const doc = await this.read(name);
      if (!doc) continue;
      const last = doc.log.at(-1)?.at ?? null;
      summaries.push({
        name,
        stateBytes: doc.state?.update.length ?? 0,
        logBytes: doc.log.reduce((sum, entry) => sum + entry.update.length, 0),
        updates: doc.log.length,
        lastWrite: last,
      });
    }
    return summaries;
  }

  async read(name: string): Promise<StoredDocument | null> {
    const stateKey = this.keys.docState(name);
    const logKey = this.keys.docLog(name);
    const { bytes, entries } = await this.readConsistent(stateKey, logKey);
    if (!bytes && entries.length === 0) return null;
    const log: StoredEntry[] = entries.map(([id, fields]) => {
      let at: number | null = null;
      let update = new Uint8Array(0);
      for (let i = 0; i + 1 < fields.length; i += 2) {
        const field = fields[i]?.toString();
        const value = fields[i + 1];
        if (field === 't' && value) at = Number(value.toString());
        else if (field === 'u' && value) update = new Uint8Array(value);
      }
      return { position: { kind: 'redis-log', key: logKey, id: id.toString() }, at, update };
    });
    return {
      name,
      state: bytes
        ? {
            position: { kind: 'redis-state', key: stateKey },
            at: null,
            update: new Uint8Array(bytes),
          }
        : null,
      log,
    };
  }

  /**
   * The state and the log after it, as of one moment: a compaction between the two reads
   * moves `through` (and trims the log), so the pair is read again until `through` held.
   */
  private async readConsistent(stateKey: string, logKey: string) {
    for (let attempt = 1; ; attempt++) {
      const [bytes, through] = await this.redis.hmgetBuffer(stateKey, 'state', 'through');
      const after = through?.toString() ?? '0-0';
      const entries = await this.redis.xrangeBuffer(
        logKey,
        after === '0-0' ? '-' : `(${after}`,
        '+',
      );
      const still = (await this.redis.hget(stateKey, 'through')) ?? '0-0';
      if (still === after || attempt >= READ_ATTEMPTS) return { bytes, entries };
    }
  }

  private async scan(pattern: string): Promise<string[]> {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', SCAN_COUNT);
      found.push(...keys);
      cursor = next;
    } while (cursor !== '0');
    return found;
  }
}

/** The document name inside a key of a family, or null when the key is not of it. */
function nameIn(key: string, family: (name: string) => string): string | null {
  const [before, after] = family('\u0000').split('\u0000') as [string, string];
  if (!key.startsWith(before) || !key.endsWith(after) || key.length <= before.length + after.length)
    return null;
  return key.slice(before.length, key.length - after.length);
}

/** Escapes Redis glob characters, so a prefix is matched literally. */
function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}
