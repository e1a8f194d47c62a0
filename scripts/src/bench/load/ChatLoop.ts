import { Random } from '../trace.js';

/** A watcher chats or guesses about this often, ms (uniformly spread around the mean). */
export const CHAT_MEAN_INTERVAL_MS = 4000;

/** Words watchers guess: never a word of the lists, so no guess ends a turn. */
const GUESSES = ['blorp', 'snarfle', 'quibbet', 'zonkle', 'wibbly', 'frumpet', 'glimmox'];
const LINES = ['hmm', 'is it an animal?', 'nice lines', 'no idea', 'so close', 'haha'];

/**
 * A watcher's talk at a human rate: every few seconds a guess or a chat line, alternating,
 * each through `send` (the server kind's RPC or chat channel).
 */
export class ChatLoop {
  private timer: NodeJS.Timeout | null = null;
  private count = 0;
  private readonly random: Random;

  constructor(
    seed: number,
    private readonly send: (kind: 'guess' | 'chat', text: string) => void,
  ) {
    this.random = new Random(seed);
  }

  start(): void {
    this.next(this.random.next() * CHAT_MEAN_INTERVAL_MS);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private next(delay: number): void {
    this.timer = setTimeout(() => {
      const guess = this.count % 2 === 0;
      const pool = guess ? GUESSES : LINES;
      this.send(guess ? 'guess' : 'chat', pool[this.random.below(pool.length)]!);
      this.count++;
      this.next(CHAT_MEAN_INTERVAL_MS * (0.5 + this.random.next()));
    }, delay);
  }
}
