/** Width of the bar itself, in characters. */
const BAR_WIDTH = 24;
/** Redraw at most this often: a terminal does not need more, and pipes stay small. */
const REDRAW_MS = 80;

/** Where a progress bar draws: a stream with a `write`, like process.stderr. */
export interface ProgressSink {
  write(text: string): void;
}

/**
 * A one-line progress bar redrawn in place (`\r`) on stderr, so stdout stays clean for
 * tables and JSON. Only drawn when enabled (a terminal, or --progress).
 */
export class ProgressBar {
  private done = 0;
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly sink: ProgressSink | null,
    private readonly total: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one unit of work finished; `label` says what is being worked on. */
  tick(label: string): void {
    this.done++;
    if (!this.sink) return;
    const time = this.now();
    if (this.done < this.total && time - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = time;
    const share = this.total === 0 ? 1 : Math.min(1, this.done / this.total);
    const filled = Math.round(share * BAR_WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
    this.sink.write(`\r\x1b[2K${bar} ${this.done}/${this.total} ${label}`);
    this.drawn = true;
  }

  /** Ends the bar's line, so what follows starts on a fresh one. */
  finish(): void {
    if (this.sink && this.drawn) this.sink.write('\r\x1b[2K');
  }
}
