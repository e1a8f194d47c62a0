import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** What a figure mirrors: the published test or advisory the README explains it against. */
export const MIRRORS = {
  yjs: 'Yjs randomized convergence tests',
  jepsen: 'Jepsen-style acknowledged-write check',
  fuzz: 'protocol fuzzing (random and cut-short frames)',
  authz: 'Hocuspocus advisories: crafted and forbidden writes',
  dos: 'Hocuspocus advisories: oversized frames, floods',
  load: 'load held',
  secrecy: 'the word-reading cheat: every byte sent to guessers and spectators',
  partition: 'Jepsen-style partitions: catch-up once the network heals',
  presence: 'y-protocols awareness: the presence of the gone times out',
  failover:
    "the referee issue's failover acceptance: a SIGKILLed referee's rooms resume on another",
  outage: 'store outages: the server stays up, stores everything once the store is back',
} as const;
export type Mirror = keyof typeof MIRRORS;

/** One line of the table. */
export interface Figure {
  scenario: string;
  name: string;
  value: number | string;
  unit: string;
  /** The bound the value must meet ("= 0", "≤ 1000"); "" for a figure that is only reported. */
  bound: string;
  ok: boolean;
  mirrors: string;
}

type Check = { max?: number; min?: number; equals?: number | string; unit?: string };

/** The figures of one scenario. */
export class ScenarioFigures {
  constructor(
    private readonly scenario: string,
    private readonly rows: Figure[],
  ) {}

  /** Records a figure; with a bound, `ok` says whether it held. */
  add(name: string, value: number | string, mirrors: Mirror, check: Check = {}): boolean {
    const bounds: string[] = [];
    let ok = true;
    if (check.max !== undefined) {
      bounds.push(check.max === 0 ? '= 0' : `≤ ${check.max}`);
      ok &&= typeof value === 'number' && value <= check.max;
    }
    if (check.min !== undefined) {
      bounds.push(`≥ ${check.min}`);
      ok &&= typeof value === 'number' && value >= check.min;
    }
    if (check.equals !== undefined) {
      bounds.push(`= ${check.equals}`);
      ok &&= value === check.equals;
    }
    this.rows.push({
      scenario: this.scenario,
      name,
      value: typeof value === 'number' ? Math.round(value * 100) / 100 : value,
      unit: check.unit ?? '',
      bound: bounds.join(', '),
      ok,
      mirrors: MIRRORS[mirrors],
    });
    return ok;
  }
}

/** Every figure of a run. */
export class Figures {
  readonly rows: Figure[] = [];

  for(scenario: string): ScenarioFigures {
    return new ScenarioFigures(scenario, this.rows);
  }

  get failed(): Figure[] {
    return this.rows.filter((row) => !row.ok);
  }

  /** Sums of the named figures across scenarios (the acceptance line of issue 11). */
  total(name: string): number {
    return this.rows
      .filter((row) => row.name === name && typeof row.value === 'number')
      .reduce((sum, row) => sum + (row.value as number), 0);
  }

  /** The table as text, one figure a line. */
  render(): string {
    const header = ['scenario', 'figure', 'value', 'bound', ''];
    const lines = this.rows.map((row) => [
      row.scenario,
      row.name,
      `${row.value}${row.unit ? ` ${row.unit}` : ''}`,
      row.bound,
      row.ok ? 'ok' : 'FAIL',
    ]);
    const widths = header.map((_, i) =>
      Math.max(header[i]!.length, ...lines.map((line) => line[i]!.length)),
    );
    const format = (cells: string[]) =>
      cells
        .map((cell, i) => (i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join('  ');
    return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join(
      '\n',
    );
  }

  /** Writes the figures as JSON. */
  write(path: string, meta: Record<string, unknown>): void {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify({ ...meta, figures: this.rows }, null, 2)}\n`);
  }
}
