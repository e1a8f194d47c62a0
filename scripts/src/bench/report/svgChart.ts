import { KIND_NAMES, type ServerKind } from '../load/BenchRoom.js';
import type { SweepResult } from '../sweep.js';

/** Chart size and margins, px. */
const WIDTH = 760;
const HEIGHT = 420;
const MARGIN = { left: 60, right: 190, top: 40, bottom: 50 };
/** Latency axis: log scale from 0.1 ms to 1 s, so medians and tails both show. */
const Y_MIN = 0.1;
const Y_MAX = 1000;
const COLORS: Record<ServerKind, string> = {
  scrawl: '#d9480f',
  hocuspocus: '#9c36b5',
  json: '#1971c2',
  ywebsocket: '#2f9e44',
};
const SERIES = [
  { key: 'p50', dash: '2 4', label: 'p50' },
  { key: 'p95', dash: '8 4', label: 'p95' },
  { key: 'p99', dash: '', label: 'p99' },
] as const;

/** An SVG line chart of latency percentiles (log scale) against players, one colour per server. */
export function latencyChart(
  sweeps: readonly SweepResult[],
  limitMs: number,
  title: string,
): string {
  const players = sweeps.flatMap((s) => s.steps.map((step) => step.players));
  const xMax = niceCeiling(Math.max(10, ...players));
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (value: number) => MARGIN.left + (value / xMax) * plotW;
  const y = (ms: number) => {
    const clamped = Math.min(Y_MAX, Math.max(Y_MIN, ms));
    const t = Math.log10(clamped / Y_MIN) / Math.log10(Y_MAX / Y_MIN);
    return MARGIN.top + plotH * (1 - t);
  };
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="22" font-size="14" font-weight="bold">${escape(title)}</text>`,
  );
  for (let ms = Y_MIN; ms <= Y_MAX; ms *= 10) {
    out.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${f(y(ms))}" y2="${f(y(ms))}" stroke="#e9ecef"/>`,
      `<text x="${MARGIN.left - 6}" y="${f(y(ms) + 4)}" text-anchor="end">${ms >= 1 ? ms.toFixed(0) : ms.toFixed(1)}</text>`,
    );
  }
  for (let i = 0; i <= 5; i++) {
    const value = (xMax / 5) * i;
    out.push(
      `<line x1="${f(x(value))}" x2="${f(x(value))}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#f1f3f5"/>`,
      `<text x="${f(x(value))}" y="${MARGIN.top + plotH + 18}" text-anchor="middle">${Math.round(value)}</text>`,
    );
  }
  out.push(
    `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${f(y(limitMs))}" y2="${f(y(limitMs))}" stroke="#868e96" stroke-dasharray="4 3"/>`,
    `<text x="${MARGIN.left + 4}" y="${f(y(limitMs) - 4)}" fill="#868e96">p99 limit ${limitMs} ms</text>`,
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#495057"/>`,
    `<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 12}" text-anchor="middle">players (rooms × clients per room)</text>`,
    `<text transform="translate(16 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle">drawer → watcher latency, ms (log)</text>`,
  );
  let legendY = MARGIN.top + 6;
  for (const sweep of sweeps) {
    const color = COLORS[sweep.kind];
    for (const series of SERIES) {
      const points = sweep.steps.map(
        (step) => `${f(x(step.players))},${f(y(step.latency[series.key]))}`,
      );
      if (points.length === 0) continue;
      out.push(
        `<polyline points="${points.join(' ')}" fill="none" stroke="${color}" stroke-width="2"${series.dash ? ` stroke-dasharray="${series.dash}"` : ''}/>`,
      );
      if (series.key === 'p99') {
        for (const step of sweep.steps) {
          out.push(
            `<circle cx="${f(x(step.players))}" cy="${f(y(step.latency.p99))}" r="3" fill="${color}"/>`,
          );
        }
      }
    }
    out.push(
      `<rect x="${WIDTH - MARGIN.right + 14}" y="${legendY}" width="12" height="12" fill="${color}"/>`,
      `<text x="${WIDTH - MARGIN.right + 32}" y="${legendY + 10}">${escape(KIND_NAMES[sweep.kind])}</text>`,
    );
    legendY += 20;
  }
  legendY += 8;
  for (const series of SERIES) {
    const lx = WIDTH - MARGIN.right + 14;
    out.push(
      `<line x1="${lx}" x2="${lx + 28}" y1="${legendY + 6}" y2="${legendY + 6}" stroke="#343a40" stroke-width="2"${series.dash ? ` stroke-dasharray="${series.dash}"` : ''}/>`,
      `<text x="${lx + 34}" y="${legendY + 10}">${series.label}</text>`,
    );
    legendY += 18;
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function f(value: number): string {
  return value.toFixed(1);
}

function niceCeiling(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
