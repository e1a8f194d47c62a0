import type { ChainableCommander, Redis } from 'ioredis';
import type { CompactionResult, DocumentStore, StoredUpdate } from './DocumentStore.js';
import { foldUpdates, mergeStored } from './foldUpdates.js';
import { redisKeys, type RedisKeys } from './redisKeys.js';

type PipelineResults = Awaited<ReturnType<ChainableCommander['exec']>>;

/** Appends of one turn, sent together. */
interface AppendBatch {
  readonly pipeline: ChainableCommander;
  /** Commands queued so far. */
  length: number;
  readonly results: Promise<PipelineResults>;
}

/** Retries of a compaction that raced another instance's write to the state key. */
const COMPACT_ATTEMPTS = 5;

/**
 * The document store of the services mode: each document's updates are appended to a Redis
 * stream (with the collab-server's time), and compaction folds them into a state hash.
 * Redis must run with append-only persistence (see infra/README.md).
 */
export class RedisDocumentStore implements DocumentStore {
  private readonly keys: RedisKeys;
  private compactions: Promise<unknown> = Promise.resolve();
  private batch: AppendBatch | null = null;
  private inFlight: Promise<PipelineResults> | null = null;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = redisKeys(prefix);
  }

  async load(name: string): Promise<Uint8Array | null> {
    return mergeStored(await this.loadParts(name));
  }

  async loadParts(name: string): Promise<Uint8Array[]> {
    const { state, log } = await this.read(name);
    return [...(state ? [state.bytes] : []), ...log.map((entry) => entry.update)];
  }

  /**
   * Appends share pipelines: those started in the same turn (the update log starts every
   * document's together) go in one, and while one is in flight the next gathers what arrives.
   * A write to Redis per append was a quarter of the collab-server's busy time at 40 busy
   * rooms (`npm run bench -- --profile 40`).
   */
  async append(name: string, updates: readonly StoredUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    const batch = (this.batch ??= this.newBatch());
    const first = batch.length;
    for (const { at, update } of updates) {
      batch.pipeline.xadd(this.keys.docLog(name), '*', 't', String(at), 'u', Buffer.from(update));
    }
    batch.length += updates.length;
    const results = await batch.results;
    const failed = results?.slice(first, first + updates.length).find(([error]) => error);
    if (failed?.[0]) throw failed[0];
  }

  private newBatch(): AppendBatch {
    const pipeline = this.redis.pipeline();
    const results = new Promise<PipelineResults>((resolve, reject) => {
      const send = () => {
        this.batch = null;
        const sent = pipeline.exec();
        this.inFlight = sent;
        sent.then(resolve, reject).finally(() => {
          if (this.inFlight === sent) this.inFlight = null;
        });
      };
      // One batch in flight at a time: what arrives meanwhile goes in the next one.
      queueMicrotask(() => {
        if (this.inFlight) void this.inFlight.then(send, send);
        else send();
      });
    });
    return { pipeline, length: 0, results };
  }

  async readLog(name: string): Promise<StoredUpdate[]> {
    return (await this.read(name)).log.map(({ at, update }) => ({ at, update }));
  }

  async compact(
    name: string,
    options: { extra?: Uint8Array; keepLog?: boolean } = {},
  ): Promise<CompactionResult> {
    // WATCH belongs to a connection: compactions through this one run one at a time.
    const run = this.compactions.then(() => this.compactNow(name, options));
    this.compactions = run.catch(() => undefined);
    return run;
  }

  private async compactNow(
    name: string,
    options: { extra?: Uint8Array; keepLog?: boolean },
  ): Promise<CompactionResult> {
    const stateKey = this.keys.docState(name);
    for (let attempt = 0; attempt < COMPACT_ATTEMPTS; attempt++) {
      await this.redis.watch(stateKey);
      const { state, log } = await this.read(name);
      const parts = [
        ...(state ? [state.bytes] : []),
        ...log.map((entry) => entry.update),
        ...(options.extra ? [options.extra] : []),
      ];
      const logBytes = log.reduce((sum, entry) => sum + entry.update.length, 0);
      const bytesBefore = (state?.bytes.length ?? 0) + logBytes;
      if (parts.length === 0) {
        await this.redis.unwatch();
        return { folded: 0, bytesBefore: 0, bytesAfter: 0 };
      }
      const merged = foldUpdates(parts);
      const lastId = log.at(-1)?.id;
      const through = options.keepLog
        ? (state?.through ?? '0-0')
        : (lastId ?? state?.through ?? '0-0');
      const transaction = this.redis
        .multi()
        .hset(stateKey, 'state', Buffer.from(merged), 'through', through);
      if (!options.keepLog && lastId) {
        transaction.xtrim(this.keys.docLog(name), 'MINID', nextStreamId(lastId));
      }
      const result = await transaction.exec();
      if (result === null) continue; // another compaction wrote the state first: retry
      return {
        folded: options.keepLog ? 0 : log.length,
        bytesBefore,
        bytesAfter: merged.length + (options.keepLog ? logBytes : 0),
      };
    }
    throw new Error(`compaction of ${name} kept racing other writers; try again`);
  }

  async close(): Promise<void> {
    // The Redis connection belongs to the caller.
  }

  private async read(name: string): Promise<{
    state: { bytes: Uint8Array; through: string } | null;
    log: { id: string; at: number; update: Uint8Array }[];
  }> {
    // One MULTI for both reads: a compaction between them would otherwise leave the entries
    // it folded out of both (the old state, the stream after the new `through`).
    const results = await this.redis
      .multi()
      .hmgetBuffer(this.keys.docState(name), 'state', 'through')
      .xrangeBuffer(this.keys.docLog(name), '-', '+')
      .exec();
    const failed = results?.find(([error]) => error);
    if (!results || failed?.[0]) throw failed?.[0] ?? new Error('the read was aborted');
    const [stateBytes, through] = results[0]![1] as [Buffer | null, Buffer | null];
    const state = stateBytes
      ? { bytes: new Uint8Array(stateBytes), through: through?.toString() ?? '0-0' }
      : null;
    const folded = state?.through ?? '0-0';
    const entries = (results[1]![1] as [Buffer, Buffer[]][]).filter(
      ([id]) => compareStreamIds(id.toString(), folded) > 0,
    );
    const log = entries.map(([id, fields]) => {
      let at = 0;
      let update = new Uint8Array(0);
      for (let i = 0; i + 1 < fields.length; i += 2) {
        const field = fields[i]!.toString();
        if (field === 't') at = Number(fields[i + 1]!.toString());
        else if (field === 'u') update = new Uint8Array(fields[i + 1]!);
      }
      return { id: id.toString(), at, update };
    });
    return { state, log };
  }
}

/** The smallest stream id after `id` (`ms-seq`). */
function nextStreamId(id: string): string {
  const [ms, seq] = id.split('-');
  return `${ms}-${Number(seq ?? 0) + 1}`;
}

/** Orders two Redis stream ids ("ms-seq"). */
function compareStreamIds(a: string, b: string): number {
  const [aMs = 0, aSeq = 0] = a.split('-').map(Number);
  const [bMs = 0, bSeq = 0] = b.split('-').map(Number);
  return aMs - bMs || aSeq - bSeq;
}
