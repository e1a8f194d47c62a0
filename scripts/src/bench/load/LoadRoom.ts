import type { Trace } from '../trace.js';
import { Random } from '../trace.js';
import type { BenchRoom, RoomPlan, RoomReport } from './BenchRoom.js';
import { ChatLoop } from './ChatLoop.js';
import { DrawerLoop, type StrokeSink } from './DrawerLoop.js';
import type { Meter } from './Meter.js';
import type { SendTable } from './SendTable.js';

/** What a room's report reads from each of its watchers. */
export interface WatcherTally {
  /** Points received so far. */
  readonly points: number;
  /** Strokes seen finished. */
  readonly done: ReadonlySet<string>;
}

/** Sends one chat line or guess as a watcher. */
export type ChatSender = (kind: 'guess' | 'chat', text: string) => void;

/**
 * What every server kind's room does alike: the drawer replays the trace from a per-room
 * offset, the watchers chat at a human rate, and the report compares what the drawer sent
 * with what each watcher holds. A subclass connects its clients its own way.
 */
export abstract class LoadRoom implements BenchRoom {
  private loop: DrawerLoop | null = null;
  private chats: ChatLoop[] = [];

  constructor(
    protected readonly plan: RoomPlan,
    protected readonly trace: Trace,
    protected readonly table: SendTable,
    protected readonly meter: Meter,
  ) {}

  abstract setup(): Promise<void>;

  /** Closes every socket (after {@link stop}). */
  protected abstract disconnect(): void;

  /** The watchers' tallies, for the report. */
  protected abstract tallies(): readonly WatcherTally[];

  /** The baselines' document name; Scrawl reports its room id. */
  protected get name(): string {
    return `room-${this.plan.index}`;
  }

  /** Stored canvas documents, for the stored-bytes query (the baselines store nothing). */
  protected storedDocs(): readonly string[] {
    return [];
  }

  /** The drawer will replay the trace into `sink`, from this room's offset and frame phase. */
  protected prepareDrawer(sink: StrokeSink): void {
    const random = new Random(this.plan.index + 1);
    this.loop = new DrawerLoop(this.trace, sink, this.table, {
      offsetMs: this.trace.strokes[random.below(this.trace.strokes.length)]!.start - 200,
      framePhaseMs: random.next() * 16,
      idPrefix: `r${this.plan.index}`,
    });
  }

  /** Each sender will chat and guess at a human rate, when the plan says watchers chat. */
  protected prepareChats(senders: readonly ChatSender[]): void {
    if (!this.plan.chat) return;
    this.chats = senders.map(
      (send, i) =>
        new ChatLoop(this.plan.index * 100 + i, (kind, text) => {
          send(kind, text);
          this.meter.chatSent += this.meter.measuring ? 1 : 0;
        }),
    );
  }

  start(): void {
    this.loop?.start();
    for (const chat of this.chats) chat.start();
  }

  stop(): void {
    this.loop?.stop();
    for (const chat of this.chats) chat.stop();
  }

  report(): RoomReport {
    const counts = this.loop?.counts ?? { points: 0, strokes: 0, finished: 0, flushes: 0 };
    const finished = (this.loop?.strokeIds ?? []).slice(0, counts.finished);
    const tallies = this.tallies();
    return {
      id: this.name,
      canvasDocs: this.storedDocs(),
      sentPoints: counts.points,
      sentStrokes: counts.strokes,
      finishedStrokes: counts.finished,
      watchers: tallies.length,
      lostPoints: tallies.reduce((sum, w) => sum + Math.max(0, counts.points - w.points), 0),
      unfinishedStrokes: tallies.reduce(
        (sum, w) => sum + finished.filter((id) => !w.done.has(id)).length,
        0,
      ),
    };
  }

  close(): void {
    this.stop();
    this.disconnect();
  }
}
