import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The parts of a V8 .cpuprofile the summary reads. */
const profileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      hitCount: z.number().optional(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
    }),
  ),
  startTime: z.number(),
  endTime: z.number(),
  samples: z.array(z.number()).optional(),
});

export interface ProfileEntry {
  readonly name: string;
  /** Share of all samples (0–1). */
  readonly share: number;
}

export interface ProfileSummary {
  readonly file: string;
  readonly seconds: number;
  /** Of which the process was busy (not idle). */
  readonly busySeconds: number;
  /** Self time by function, most first, as shares of the busy time. */
  readonly functions: readonly ProfileEntry[];
  /** Self time by package or area (yjs, ws, pg, kysely, scrawl, node internals, idle, GC…). */
  readonly areas: readonly ProfileEntry[];
}

/** Summarises the newest .cpuprofile in `dir`: where the samples' self time went. */
export function summarizeProfile(dir: string, top = 15): ProfileSummary | null {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort();
  const file = files.at(-1);
  if (!file) return null;
  const profile = profileSchema.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  let total = 0;
  let all = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    all += hits;
    // Shares are of the time the process was busy: idle time says nothing about the hot path.
    if (hits === 0 || node.callFrame.functionName === '(idle)') continue;
    total += hits;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url
      .replace(/^file:\/\//, '')
      .replace(/^.*\/node_modules\//, '')
      .replace(/^.*\/work\/main\//, '');
    const name =
      `${functionName || '(anonymous)'} ${where ? `${where}:${lineNumber + 1}` : ''}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + hits);
    const area = areaOf(functionName, url);
    byArea.set(area, (byArea.get(area) ?? 0) + hits);
  }
  const rank = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, hits]) => ({ name, share: total > 0 ? hits / total : 0 }));
  const seconds = (profile.endTime - profile.startTime) / 1e6;
  return {
    file: join(dir, file),
    seconds,
    busySeconds: all > 0 ? (seconds * total) / all : 0,
    functions: rank(byFunction),
    areas: rank(byArea),
  };
}

function areaOf(functionName: string, url: string): string {
  if (
    functionName === '(idle)' ||
    functionName === '(program)' ||
    functionName === '(garbage collector)'
  )
    return functionName;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.includes('/collab-server/')) return 'collab-server';
  if (url.includes('/drawing-engine/')) return 'drawing-engine';
  if (url.includes('/protocol/')) return 'protocol';
  if (url.startsWith('node:') || url === '') return 'node internals';
  return 'other';
}
