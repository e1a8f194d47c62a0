import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawColdDocs, measureColdLoad, type ColdLoadResult } from './coldLoad.js';
import type { BenchOptions } from './options.js';
import { canPin, pinSelf } from './processes.js';
import { loadAverage } from './procStats.js';
import { summarizeProfile, type ProfileSummary } from './profile.js';
import { renderMarkdown } from './report/markdown.js';
import { checkTargets, type BenchResults } from './report/results.js';
import { latencyChart } from './report/svgChart.js';
import { runStep, type StepResult } from './runStep.js';
import { P99_LIMIT_MS, stepLine, sweep, type SweepResult } from './sweep.js';
import { loadTrace } from './trace.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs everything the options ask for and writes the results; false when a smoke check fails. */
export async function runBench(
  options: BenchOptions,
  print: (line: string) => void,
): Promise<boolean> {
  const loadBefore = loadAverage();
  const pin = options.pin && canPin();
  if (pin) pinSelf(1);
  print(
    `${pin ? 'Pinned: servers on core 0, load generators and this harness on core 1 (taskset).' : 'Not pinned.'} Load average ${loadBefore.toFixed(2)}.`,
  );
  const base = {
    clientsPerRoom: options.clients,
    warmupMs: options.warmupMs,
    measureMs: options.measureMs,
    drainMs: options.drainMs,
    core: pin ? 0 : null,
    generatorCore: pin ? 1 : null,
    chat: options.chat,
    redis: options.store === 'redis',
  };
  const trace = loadTrace();

  const sweeps: SweepResult[] = [];
  for (const kind of options.kinds) sweeps.push(await sweep(kind, options.rooms, base, print));

  // A part that fails (a room that never starts its turn, a server that dies) is reported as
  // failed; the rest of the run still counts and is written.
  const failures: Record<string, string> = {};
  const attempt = async <T>(part: string, run: () => Promise<T>): Promise<T | null> => {
    try {
      return await run();
    } catch (error) {
      failures[part] = error instanceof Error ? error.message : String(error);
      print(`${part} failed: ${failures[part]}`);
      return null;
    }
  };

  let acceptance: StepResult | null = null;
  if (options.acceptanceRooms > 0 && options.kinds.includes('scrawl')) {
    const scrawl = sweeps.find((s) => s.kind === 'scrawl');
    acceptance =
      scrawl?.steps.find((s) => s.rooms === options.acceptanceRooms && s.clientsPerRoom === 8) ??
      null;
    if (!acceptance) {
      print(`Acceptance step: Scrawl at ${options.acceptanceRooms} rooms × 8.`);
      acceptance = await attempt('acceptance', () =>
        runStep({ ...base, clientsPerRoom: 8, kind: 'scrawl', rooms: options.acceptanceRooms }),
      );
      if (acceptance) print(stepLine(acceptance));
    }
  }

  let redis: StepResult | null = null;
  if (options.redisRooms > 0 && options.kinds.includes('scrawl')) {
    print(
      `Two collab-server instances on Redis, ${options.redisRooms} rooms, clients split across them.`,
    );
    redis = await attempt('redis', () =>
      runStep({ ...base, kind: 'scrawl', rooms: options.redisRooms, instances: 2, redis: true }),
    );
    if (redis) print(stepLine(redis));
  }

  const cold: ColdLoadResult[] = [];
  if (options.cold && options.kinds.includes('scrawl')) {
    print(
      `Cold load: drawing a ${options.coldStrokes}-stroke and a ${options.roundStrokes}-stroke canvas…`,
    );
    const docs = drawColdDocs(trace, options.coldStrokes, options.roundStrokes);
    for (const store of ['sql', 'redis'] as const) {
      const result = await attempt(`cold ${store}`, () => measureColdLoad(store, docs, base.core));
      if (!result) continue;
      cold.push(result);
      print(
        `cold ${store}: big (${result.big.strokes} strokes) loaded by the server in ${result.big.storeLoadMs.toFixed(0)} ms, first watcher ${result.big.coldSyncMs.toFixed(0)} ms, next ${result.big.warmSyncMs.toFixed(1)} ms; round (${result.round.strokes}) first ${result.round.coldSyncMs.toFixed(0)} ms, next ${result.round.warmSyncMs.toFixed(1)} ms; ${result.rssPerBigRoomMb.toFixed(1)} MB RSS per big room (the document: ${result.documentHeapMb.toFixed(1)} MB of heap)`,
      );
    }
  }

  let profile: ProfileSummary | null = null;
  let generatorProfile: ProfileSummary | null = null;
  if (options.profileRooms > 0) {
    const dir = mkdtempSync(join(tmpdir(), 'scrawl-profile-'));
    const generatorDir = join(dir, 'generator');
    print(
      `Profiling the collab-server and the load generator at ${options.profileRooms} rooms (profiles in ${dir}).`,
    );
    const step = await attempt('profile', () =>
      runStep({
        ...base,
        kind: 'scrawl',
        rooms: options.profileRooms,
        nodeArgs: ['--cpu-prof', '--cpu-prof-dir', dir],
        generatorNodeArgs: ['--cpu-prof', '--cpu-prof-dir', generatorDir],
      }),
    );
    if (step) print(stepLine(step));
    profile = step ? summarizeProfile(dir) : null;
    generatorProfile = step ? summarizeProfile(generatorDir) : null;
    printProfile(print, 'collab-server', profile);
    printProfile(print, 'load generator', generatorProfile);
  }

  const date = new Date().toISOString().slice(0, 10);
  const results: BenchResults = {
    date,
    smoke: options.smoke,
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model ?? 'unknown',
      node: process.versions.node,
      loadBefore,
      loadAfter: loadAverage(),
    },
    pinned: pin,
    settings: {
      clientsPerRoom: options.clients,
      warmupS: options.warmupMs / 1000,
      measureS: options.measureMs / 1000,
      chat: options.chat,
    },
    trace: { strokes: trace.strokes.length, points: trace.points, seconds: trace.lengthMs / 1000 },
    sweeps,
    acceptance,
    redis,
    cold,
    profile,
    generatorProfile,
    failures,
  };
  const outDir =
    options.out ??
    (options.smoke ? mkdtempSync(join(tmpdir(), 'scrawl-bench-')) : join(ROOT, 'bench-results'));
  mkdirSync(outDir, { recursive: true });
  const stem = join(resolve(outDir), date);
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  writeFileSync(`${stem}.json`, JSON.stringify(results, null, 2) + '\n');
  writeFileSync(
    `${stem}.svg`,
    latencyChart(
      sweeps,
      P99_LIMIT_MS,
      `Drawer → watcher latency, ${options.clients} clients per room`,
    ),
  );
  writeFileSync(`${stem}.md`, renderMarkdown(results, `${date}.svg`, command));
  print(`Results: ${relative(process.cwd(), stem)}.{md,json,svg}`);
  for (const check of checkTargets(results)) {
    print(
      `target ${check.id}: ${check.met === null ? 'not run' : check.met ? 'met' : 'MISSED'} — ${check.measured}`,
    );
    if (check.unmeasurable) print(`  not measurable on this host: ${check.unmeasurable}`);
  }
  if (options.smoke) return smokeProblems(results, print) === 0;
  return Object.keys(failures).length === 0;
}

/** The smoke run's checks: everything ran and produced sane output (never timings). */
function smokeProblems(results: BenchResults, print: (line: string) => void): number {
  const problems: string[] = [];
  const steps = [
    ...results.sweeps.flatMap((s) => s.steps),
    ...(results.redis ? [results.redis] : []),
  ];
  for (const step of steps) {
    const name = `${step.kind}${step.instances > 1 ? ' ×2' : ''}`;
    if (step.latency.count === 0) problems.push(`${name}: no latency recorded`);
    if (step.sentPoints === 0) problems.push(`${name}: nothing drawn`);
    if (step.lostPoints > 0 || step.unfinishedStrokes > 0) problems.push(`${name}: updates lost`);
    if (!(step.wireBytesPerPoint.strokes > 0)) problems.push(`${name}: no wire bytes counted`);
    if (step.kind === 'scrawl' && !(step.stored && step.stored.bytes > 0))
      problems.push(`${name}: nothing stored`);
  }
  for (const [part, error] of Object.entries(results.failures))
    problems.push(`${part} failed: ${error}`);
  for (const c of results.cold) {
    if (c.big.syncedStrokes !== c.big.strokes) problems.push(`cold ${c.store}: strokes missing`);
    if (!(c.documentHeapMb > 0)) problems.push(`cold ${c.store}: no document heap measured`);
  }
  for (const problem of problems) print(`smoke: ${problem}`);
  if (problems.length === 0) print('smoke: the harness ran every part and its output is sane.');
  return problems.length;
}

function printProfile(
  print: (line: string) => void,
  what: string,
  profile: ProfileSummary | null,
): void {
  if (!profile) return;
  print(
    `Where the ${what}'s time went (busy ${profile.busySeconds.toFixed(1)} s of ${profile.seconds.toFixed(0)} s; shares of the busy time; ${profile.file}):`,
  );
  for (const entry of profile.areas) print(`  ${(entry.share * 100).toFixed(1)} %  ${entry.name}`);
  for (const entry of profile.functions)
    print(`  ${(entry.share * 100).toFixed(1)} %  ${entry.name}`);
}
