import { describe, expect, it } from '@jest/globals';
import type { DocumentStore, StoredUpdate } from './DocumentStore.js';
import { UpdateLog } from './UpdateLog.js';

const DEADLINE_MS = 50;
const NAME = 'room/r/canvas/0';

/** A store whose appends fail (`refusing`) or hang (`hanging`) until told otherwise. */
class FlakyStore {
  readonly stored: number[] = [];
  refusing = false;
  private hung: (() => void)[] = [];
  private hanging = false;

  hang(): void {
    this.hanging = true;
  }

  release(): void {
    this.hanging = false;
    for (const go of this.hung.splice(0)) go();
  }

  async append(_name: string, updates: readonly StoredUpdate[]): Promise<void> {
    if (this.hanging) await new Promise<void>((resolve) => this.hung.push(resolve));
    if (this.refusing) throw new Error('connect ECONNREFUSED');
    this.stored.push(...updates.map((u) => u.update[0]!));
  }
}

function logOn(store: FlakyStore): UpdateLog {
  return new UpdateLog(store as unknown as DocumentStore, { appended() {}, failed() {} });
}

/** How long `appendAndWait` took, and what it said. */
async function timed(log: UpdateLog, n: number): Promise<{ stored: boolean; ms: number }> {
  const started = Date.now();
  const stored = await log.appendAndWait(NAME, new Uint8Array([n]), DEADLINE_MS);
  return { stored, ms: Date.now() - started };
}

async function eventuallyStored(store: FlakyStore, count: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while (store.stored.length < count && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('UpdateLog while the store is failing', () => {
  it.each([
    [
      'refuses appends',
      (s: FlakyStore) => (s.refusing = true),
      (s: FlakyStore) => (s.refusing = false),
    ],
    ['hangs', (s: FlakyStore) => s.hang(), (s: FlakyStore) => s.release()],
  ])(
    'waits out the deadline once when the store %s, then queues without waiting, in order',
    async (_, fail, heal) => {
      const store = new FlakyStore();
      const log = logOn(store);
      expect((await timed(log, 1)).stored).toBe(true);
      fail(store);
      const first = await timed(log, 2);
      expect(first.stored).toBe(false);
      expect(first.ms).toBeGreaterThanOrEqual(DEADLINE_MS - 5);
      for (let n = 3; n <= 20; n++) {
        const next = await timed(log, n);
        expect(next.stored).toBe(false);
        expect(next.ms).toBeLessThan(DEADLINE_MS);
      }
      expect(log.pendingCount).toBeGreaterThan(0);
      heal(store);
      await eventuallyStored(store, 20);
      expect(store.stored).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      // Once an append succeeded, updates wait for the store again.
      expect(await timed(log, 21)).toMatchObject({ stored: true });
      expect(store.stored.at(-1)).toBe(21);
    },
  );
});

describe('UpdateLog.drained', () => {
  it('resolves at once with nothing queued, and after a refusing store heals otherwise', async () => {
    const store = new FlakyStore();
    const log = logOn(store);
    await log.drained(NAME);
    store.refusing = true;
    log.append(NAME, new Uint8Array([1]));
    log.append(NAME, new Uint8Array([2]));
    let drained = false;
    const waiting = log.drained(NAME).then(() => (drained = true));
    await expect(log.flush(NAME)).rejects.toThrow('refused');
    // Retries go on in the background; the log is not drained while the store refuses.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(drained).toBe(false);
    log.append(NAME, new Uint8Array([3]));
    store.refusing = false;
    await waiting;
    expect(store.stored).toEqual([1, 2, 3]);
    expect(log.pendingCount).toBe(0);
  });
});
