import { KIND_NAMES } from '../load/BenchRoom.js';
import type { StepResult } from '../runStep.js';
import { P99_LIMIT_MS } from '../sweep.js';
import { checkTargets, commonRooms, stepAt, sweepOf, type BenchResults } from './results.js';

const f = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const times = (a: number, b: number) => (b > 0 ? `${f(a / b, 2)}×` : '–');

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const align = header.map((_, i) => (i === 0 ? '---' : '---:'));
  return [header, align, ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

function stepRow(step: StepResult): string[] {
  return [
    `${step.rooms} × ${step.clientsPerRoom} = ${step.players}`,
    f(step.latency.p50),
    f(step.latency.p95),
    f(step.latency.p99),
    f(step.latency.max),
    `${step.lostPoints}/${step.unfinishedStrokes}`,
    `${f(step.serverCpu * 100, 0)} %${step.helperCpu > 0 ? ` + ${f(step.helperCpu * 100, 0)} %` : ''}`,
    f(step.serverRssMb, 0),
    f(step.eventLoop.p99),
    f(step.wireBytesPerPoint.strokes),
    f(step.drawerStrokeMessagesPerSecond),
    step.stored ? f(step.stored.bytesPerPoint, 2) : '–',
    `${f(step.generatorCpu * 100, 0)} %`,
    f(step.loadAverage, 2),
  ];
}

const STEP_HEADER = [
  'rooms × clients = players',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'max ms',
  'lost pts/ends',
  'server CPU (+referee)',
  'RSS MB',
  'loop p99 ms',
  'wire B/pt',
  'msg/s/drawer',
  'stored B/pt',
  'generator CPU',
  'load avg',
];

/** The results as Markdown: summary with ratios, targets, every step, cold load, profile. */
export function renderMarkdown(results: BenchResults, chartFile: string, command: string): string {
  const out: string[] = [];
  const kinds = results.sweeps.map((s) => s.kind);
  out.push(
    `# Scrawl bench — ${results.date}${results.smoke ? ' (smoke run: timings mean nothing)' : ''}`,
    '',
  );
  out.push(
    `Command: \`${command}\`. Machine: ${results.machine.cpus} × ${results.machine.model}, Node ${results.machine.node}, load average ${f(results.machine.loadBefore, 2)} before and ${f(results.machine.loadAfter, 2)} after. ` +
      (results.pinned
        ? 'Pinned with taskset: the server under test (and the referee) on core 0, the load generators and the harness on core 1. '
        : 'Not pinned to cores. ') +
      `Postgres and Redis are the machine's services and run unpinned.`,
    '',
    `Each room: ${results.settings.clientsPerRoom} clients on the \`ws\` package, one drawer replaying the committed pen trace (${results.trace.strokes} strokes, ${results.trace.points} points, ${f(results.trace.seconds, 0)} s) at real speed from a per-room offset, flushing once per 60 Hz frame as the web client does; the others watch${results.settings.chat ? ' and send a guess or chat line every 2–6 s' : ''}. Every server gets the same trace, flush rate and clients. Per step: fresh servers, ${f(results.settings.warmupS, 0)} s warm-up, ${f(results.settings.measureS, 0)} s measured. Scrawl runs a real turn (the referee starts the game; the drawer draws on the round's canvas, watchers are read-only and guess). Latency is drawer flush → watcher's document holding the point, per point.`,
    '',
    `![latency against players](${chartFile})`,
    '',
  );
  out.push('## Capacity', '');
  const scrawl = sweepOf(results, 'scrawl');
  out.push(
    table(
      ['server', `players at p99 ≤ ${P99_LIMIT_MS} ms`, 'sweep stopped by', 'Scrawl ÷ this'],
      results.sweeps.map((s) => [
        KIND_NAMES[s.kind],
        String(s.capacity),
        s.limit,
        scrawl ? times(scrawl.capacity, s.capacity) : '–',
      ]),
    ),
    '',
  );
  const rooms = commonRooms(results);
  if (rooms !== null) {
    out.push(`## All servers at ${rooms} rooms (the largest step every sweep ran)`, '');
    const steps = kinds.flatMap((kind) => {
      const step = stepAt(results, kind, rooms);
      return step ? [[kind, step] as const] : [];
    });
    const ours = stepAt(results, 'scrawl', rooms);
    out.push(
      table(
        [
          'server',
          'p50 ms',
          'p99 ms',
          'server CPU',
          'wire B/pt (strokes)',
          'wire B/pt (all)',
          'msg/s/drawer',
          'stored B/pt',
          'p99 Scrawl ÷ this',
          'CPU Scrawl ÷ this',
          'B/pt Scrawl ÷ this',
        ],
        steps.map(([kind, step]) => [
          KIND_NAMES[kind],
          f(step.latency.p50),
          f(step.latency.p99),
          `${f(step.serverCpu * 100, 0)} %`,
          f(step.wireBytesPerPoint.strokes),
          f(step.wireBytesPerPoint.all),
          f(step.drawerMessagesPerSecond),
          step.stored ? f(step.stored.bytesPerPoint, 2) : '–',
          ours ? times(ours.latency.p99, step.latency.p99) : '–',
          ours ? times(ours.serverCpu + ours.helperCpu, step.serverCpu + step.helperCpu) : '–',
          ours ? times(ours.wireBytesPerPoint.strokes, step.wireBytesPerPoint.strokes) : '–',
        ]),
      ),
      '',
    );
  }
  out.push('## Acceptance targets (issue 10)', '');
  const checks = checkTargets(results);
  out.push(
    table(
      ['#', 'target', 'measured', 'met'],
      checks.map((c) => [
        c.id,
        c.target,
        c.measured,
        c.met === null ? 'not run' : c.met ? 'yes' : c.unmeasurable ? '**no** (†)' : '**no**',
      ]),
    ),
    '',
  );
  const limited = checks.filter((c) => c.unmeasurable);
  if (limited.length > 0) {
    out.push(
      '† Not measurable on this host, whatever the server does:',
      '',
      ...limited.map((c) => `- target ${c.id}: ${c.unmeasurable}.`),
      '',
    );
  }
  for (const sweep of results.sweeps) {
    out.push(`## Sweep: ${KIND_NAMES[sweep.kind]}`, '');
    out.push(table(STEP_HEADER, sweep.steps.map(stepRow)), '');
  }
  const extra = [
    ...(results.acceptance && !scrawl?.steps.includes(results.acceptance)
      ? [['acceptance run', results.acceptance] as const]
      : []),
    ...(results.redis ? [['two instances on Redis', results.redis] as const] : []),
  ];
  for (const [title, step] of extra) {
    out.push(`## Scrawl: ${title}`, '', table(STEP_HEADER, [stepRow(step)]), '');
  }
  if (results.cold.length > 0) {
    out.push('## Cold load', '');
    out.push(
      'A new watcher opens a canvas on a freshly started server: the first one makes the server load it from the store; later ones join the loaded document (median of 5). "Big": a lobby board of many strokes as compaction leaves it (folded state and a log tail); "round": a round canvas with its whole log, one entry per flush, as a round keeps it. "Server load" is the server\'s own reading and applying of the stored document (`scrawl_collab_store_seconds{operation="load"}`), what target 4 checks; "first − next" also holds the first watcher\'s authentication, the document\'s creation and the first sync\'s encoding.',
      '',
      table(
        [
          'store',
          'document',
          'strokes',
          'stored KB',
          'log entries',
          'server load ms',
          'first watcher ms',
          'next watchers ms',
          'first − next, ms',
        ],
        results.cold.flatMap((c) =>
          (['big', 'round'] as const).map((which) => {
            const t = c[which];
            return [
              c.store,
              which,
              String(t.strokes),
              f(t.storedBytes / 1024, 0),
              String(t.logEntries),
              f(t.storeLoadMs, 0),
              f(t.coldSyncMs, 0),
              f(t.warmSyncMs, 1),
              f(t.coldSyncMs - t.warmSyncMs, 0),
            ];
          }),
        ),
      ),
      '',
      results.cold
        .map(
          (c) =>
            `Server memory per loaded big room (${c.store}): ${f(c.rssPerBigRoomMb, 1)} MB of RSS, of which the document itself holds ${f(c.documentHeapMb, 1)} MB (a Y.Doc with it loaded, heap after a full GC, measured in the harness).`,
        )
        .join(' '),
      '',
    );
  }
  for (const [what, p] of [
    ['the collab-server', results.profile],
    ['a load-generator worker', results.generatorProfile],
  ] as const) {
    if (!p) continue;
    out.push(
      `## CPU profile of ${what} (busy ${f(p.busySeconds, 1)} s of ${f(p.seconds, 0)} s; shares of the busy time; \`${p.file}\`)`,
      '',
    );
    out.push(
      table(
        ['self time by area', 'share'],
        p.areas.map((e) => [e.name, `${f(e.share * 100)} %`]),
      ),
      '',
      table(
        ['self time by function', 'share'],
        p.functions.map((e) => [`\`${e.name}\``, `${f(e.share * 100)} %`]),
      ),
      '',
    );
  }
  out.push(
    '## How the numbers are taken',
    '',
    "- **Latency**: a room's drawer and watchers live in one load-generator process. Before each flush the drawer notes `performance.timeOrigin + performance.now()` for the stroke id and first point index in a side table of that process; when a watcher's document (or message handler) first holds a point, it looks the send time up and records the difference for every point that arrived. No timestamp travels in the payload, and no two processes' clocks are compared. Only points sent inside the measured window count; the drain after it waits for their arrival.",
    '- **Lost**: points sent that some watcher never received, and strokes the drawer finished that some watcher never saw finished, after a drain of up to 5 s.',
    '- **CPU, RSS**: `/proc/<pid>/stat` (utime + stime) over the window and the peak `VmRSS` of `/proc/<pid>/status`. **Loop**: event-loop delay from `monitorEventLoopDelay` (10 ms sampling) in a probe preloaded into each server process.',
    '- **Wire B/pt**: WebSocket payload plus frame header of the messages that carried stroke data, received by watchers, per point received ("all": every message watchers received, chat, game state and presence included). **msg/s/drawer**: messages a drawer sent per second. **Stored B/pt**: Scrawl\'s update log for the run\'s canvases (`octet_length` of `document_updates`, or the `u` fields of the Redis streams) per point drawn.',
    "- **Sweep**: rooms rise step by step until p99 passes 50 ms, a point is lost, the server core passes 95 %, or the generator core passes 80 % (checked first: past that the generator's own queueing is in the latencies, and the capacity is only a lower bound).",
    '',
  );
  return out.join('\n');
}
