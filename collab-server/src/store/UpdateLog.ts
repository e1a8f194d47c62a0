import type { DocumentStore, StoredUpdate } from './DocumentStore.js';

/** First retry delay after a failed append; doubles up to RETRY_MAX_MS. */
const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 5000;

interface Entry extends StoredUpdate {
  stored?: () => void;
}

/** What the log reports to its owner (metrics, logs). */
export interface UpdateLogEvents {
  appended(name: string, count: number, seconds: number): void;
  failed(name: string, count: number, error: unknown): void;
}

/**
 * The ordered, group-committed path of updates into the document store. Updates of one
 * document are stored in arrival order; whatever arrives while an append is in flight goes
 * in the next one (group commit), so a busy document costs one store round trip per batch,
 * not per update. A failed append keeps its updates, ahead of newer ones, and retries with
 * backoff until the store is back: nothing is dropped while the process lives.
 *
 * While a document's store is failing (an append failed, or an update waited past its
 * deadline) until an append succeeds, `appendAndWait` queues without waiting: a connection's
 * messages are handled one at a time, so waiting out the deadline on each would let one
 * update a second through, and the backlog would still be draining long after the store came
 * back.
 */
export class UpdateLog {
  private readonly queues = new Map<string, Entry[]>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly retryAt = new Map<string, NodeJS.Timeout>();
  /** Documents whose store is failing: since a failure or a missed deadline, until a success. */
  private readonly failing = new Set<string>();
  /** Documents whose queue waits for the next turn's group commit. */
  private readonly due = new Set<string>();
  /** Who waits for a document's log to be stored to the last update (`drained`). */
  private readonly drainWaiters = new Map<string, (() => void)[]>();
  private retryDelay = RETRY_MIN_MS;

  constructor(
    private readonly store: DocumentStore,
    private readonly events: UpdateLogEvents,
  ) {}

  /**
   * Queues an update; resolves once it is stored, or with false after `deadlineMs` — at once
   * while the document's store is failing.
   */
  appendAndWait(name: string, update: Uint8Array, deadlineMs: number): Promise<boolean> {
    if (this.failing.has(name)) {
      this.append(name, update);
      return Promise.resolve(false);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.failing.add(name);
        resolve(false);
      }, deadlineMs);
      this.enqueue(name, {
        at: Date.now(),
        update,
        stored: () => {
          clearTimeout(timer);
          resolve(true);
        },
      });
    });
  }

  /** Queues an update to be stored soon. */
  append(name: string, update: Uint8Array): void {
    this.enqueue(name, { at: Date.now(), update });
  }

  /** Updates not yet stored. */
  get pendingCount(): number {
    let count = 0;
    for (const queue of this.queues.values()) count += queue.length;
    return count;
  }

  /** Stores what is queued for one document now; resolves when its queue is empty. */
  async flush(name: string): Promise<void> {
    const retry = this.retryAt.get(name);
    if (retry) {
      clearTimeout(retry);
      this.retryAt.delete(name);
    }
    for (;;) {
      const inFlight = this.running.get(name);
      if (inFlight) {
        await inFlight;
        continue;
      }
      if ((this.queues.get(name)?.length ?? 0) === 0) return;
      await this.run(name);
      if (this.retryAt.has(name)) throw new Error(`the document store refused updates of ${name}`);
    }
  }

  /**
   * Resolves once every update queued for the document so far, and any queued meanwhile, is
   * stored — after however many retries that takes (at once if nothing is waiting).
   */
  drained(name: string): Promise<void> {
    if (!this.holds(name)) return Promise.resolve();
    return new Promise((resolve) => {
      const waiters = this.drainWaiters.get(name) ?? [];
      waiters.push(resolve);
      this.drainWaiters.set(name, waiters);
    });
  }

  /** Whether the document has updates queued, in flight or waiting for a retry. */
  private holds(name: string): boolean {
    return (
      (this.queues.get(name)?.length ?? 0) > 0 || this.running.has(name) || this.retryAt.has(name)
    );
  }

  /** Flushes every document. */
  async flushAll(): Promise<void> {
    const names = new Set([...this.queues.keys(), ...this.running.keys()]);
    await Promise.all([...names].map((name) => this.flush(name)));
  }

  private enqueue(name: string, entry: Entry): void {
    const queue = this.queues.get(name) ?? [];
    queue.push(entry);
    this.queues.set(name, queue);
    if (!this.running.has(name) && !this.retryAt.has(name) && queue.length === 1) {
      // Group commit: everything queued before the next turn of the event loop goes together,
      // and every document's append starts in that same turn, so a store can send them all
      // in one write (RedisDocumentStore does).
      this.due.add(name);
      if (this.due.size === 1) setImmediate(() => this.runDue());
    }
  }

  private runDue(): void {
    const names = [...this.due];
    this.due.clear();
    for (const name of names) {
      if (!this.running.has(name) && !this.retryAt.has(name)) void this.run(name);
    }
  }

  private run(name: string): Promise<void> {
    const batch = this.queues.get(name) ?? [];
    this.queues.delete(name);
    if (batch.length === 0) return Promise.resolve();
    const started = process.hrtime.bigint();
    const running = this.store
      .append(
        name,
        batch.map(({ at, update }) => ({ at, update })),
      )
      .then(
        () => {
          this.retryDelay = RETRY_MIN_MS;
          this.failing.delete(name);
          this.events.appended(name, batch.length, Number(process.hrtime.bigint() - started) / 1e9);
          for (const entry of batch) entry.stored?.();
        },
        (error: unknown) => {
          this.failing.add(name);
          this.queues.set(name, [...batch, ...(this.queues.get(name) ?? [])]);
          this.events.failed(name, batch.length, error);
          const delay = this.retryDelay;
          this.retryDelay = Math.min(RETRY_MAX_MS, this.retryDelay * 2);
          this.retryAt.set(
            name,
            setTimeout(() => {
              this.retryAt.delete(name);
              void this.run(name);
            }, delay),
          );
        },
      );
    const tracked = running.finally(() => {
      this.running.delete(name);
      if ((this.queues.get(name)?.length ?? 0) > 0 && !this.retryAt.has(name)) void this.run(name);
      if (!this.holds(name)) {
        const waiters = this.drainWaiters.get(name) ?? [];
        this.drainWaiters.delete(name);
        for (const resolve of waiters) resolve();
      }
    });
    this.running.set(name, tracked);
    return tracked;
  }
}
