/** Relative width of a bucket: values are kept to within 1 %. */
const GROWTH = 1.01;
/** Smallest value told apart, ms (1 µs); anything below lands in bucket 0. */
const FLOOR_MS = 0.001;
const LOG_GROWTH = Math.log(GROWTH);

/** What a histogram sends across a process boundary: bucket index → count, plus extremes. */
export interface HistogramData {
  readonly counts: Record<string, number>;
  readonly total: number;
  readonly max: number;
  readonly sum: number;
}

/**
 * A log-bucketed histogram of latencies in ms (1 % resolution from 1 µs up), cheap to fill
 * with millions of values and to merge across processes; percentiles are read from it.
 */
export class Histogram {
  private readonly counts = new Map<number, number>();
  private total = 0;
  private max = 0;
  private sum = 0;

  /** Records `value` ms, `count` times (a chunk of points that arrived together). */
  record(value: number, count = 1): void {
    if (!(count > 0) || !Number.isFinite(value)) return;
    const clamped = Math.max(0, value);
    const bucket =
      clamped <= FLOOR_MS ? 0 : 1 + Math.floor(Math.log(clamped / FLOOR_MS) / LOG_GROWTH);
    this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + count);
    this.total += count;
    this.sum += clamped * count;
    if (clamped > this.max) this.max = clamped;
  }

  /** Adds another histogram's data into this one. */
  merge(data: HistogramData): void {
    for (const [bucket, count] of Object.entries(data.counts)) {
      const index = Number(bucket);
      this.counts.set(index, (this.counts.get(index) ?? 0) + count);
    }
    this.total += data.total;
    this.sum += data.sum;
    this.max = Math.max(this.max, data.max);
  }

  get count(): number {
    return this.total;
  }

  get mean(): number {
    return this.total === 0 ? 0 : this.sum / this.total;
  }

  /** The value below which `q` (0–1) of the recorded values lie; the maximum for q = 1. */
  quantile(q: number): number {
    if (this.total === 0) return 0;
    if (q >= 1) return this.max;
    const rank = q * this.total;
    let seen = 0;
    for (const bucket of [...this.counts.keys()].sort((a, b) => a - b)) {
      seen += this.counts.get(bucket) ?? 0;
      if (seen >= rank) return Math.min(this.max, upperEdge(bucket));
    }
    return this.max;
  }

  toJSON(): HistogramData {
    return {
      counts: Object.fromEntries(this.counts),
      total: this.total,
      max: this.max,
      sum: this.sum,
    };
  }
}

function upperEdge(bucket: number): number {
  return bucket === 0 ? FLOOR_MS : FLOOR_MS * GROWTH ** bucket;
}
