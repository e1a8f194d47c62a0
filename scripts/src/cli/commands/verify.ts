import { parseDocName } from '@scrawl/protocol';
import { printJson, type Command, type CommandContext } from '../command.js';
import { UsageError } from '../errors.js';
import { plural } from '../output/format.js';
import { ProgressBar } from '../output/progress.js';
import { formatTable } from '../output/table.js';
import { loadSubject } from '../subject/loadSubject.js';
import { REF_FORMS, resolveRef } from '../subject/resolveRef.js';
import { describePosition, type StoredDocument, type Target } from '../target/Target.js';
import { DocumentChecker } from '../verify/DocumentChecker.js';
import { verifyReplay } from '../verify/verifyReplay.js';

/** A bad entry: what it belongs to, where it is stored, what is wrong. */
export interface Problem {
  document: string;
  where: string;
  problem: string;
}

/** What was checked, for the summary. */
interface Tally {
  documents: number;
  /** Folded states and log entries. */
  entries: number;
  replays: number;
  replayUpdates: number;
  keyframes: number;
}

interface Work {
  label: string;
  run(tally: Tally): Promise<Problem[]>;
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'decodes every stored update, keyframe and replay and checks it against the schema',
  usage: 'scrawl verify [DOC|ROUND | --all] [--progress] [--json]',
  details:
    `DOC|ROUND is ${REF_FORMS}; without one (or with --all), everything is checked.\n` +
    'Each folded state and log entry must decode as a Yjs update, apply, write only the\n' +
    "document's root types and leave every stroke valid (fields, colour, width, point data\n" +
    "decoding with drawing-engine's decodeStroke) or every game-state key and chat line valid.\n" +
    'Each replay must unzip and decode, its updates pass the same checks, its keyframes match\n' +
    'the updates they hold, and its stored counts match. Every bad entry is reported with its\n' +
    'location (document_updates seq, Redis stream id, replay update #). Exits 1 if any.\n' +
    'A progress bar is drawn on stderr when it is a terminal, or with --progress.',
  options: {
    all: { type: 'boolean', description: 'check every document and replay (the default)' },
    progress: {
      type: 'boolean',
      description: 'draw the progress bar even when stderr is not a terminal',
    },
  },
  positionals: { min: 0, max: 1 },
  async run(context) {
    if (context.args.length > 0 && context.options.all === true)
      throw new UsageError('Give DOC|ROUND or --all, not both.');
    const target = await context.target();
    const work =
      context.args[0] === undefined
        ? await everything(target)
        : [await one(target, context.args[0])];
    const showBar = context.options.progress === true || context.io.stderr.isTTY === true;
    const bar = new ProgressBar(showBar ? context.io.stderr : null, work.length);
    const problems: Problem[] = [];
    const tally: Tally = { documents: 0, entries: 0, replays: 0, replayUpdates: 0, keyframes: 0 };
    for (const item of work) {
      problems.push(...(await item.run(tally)));
      bar.tick(item.label);
    }
    bar.finish();
    report(context, tally, problems);
    return problems.length > 0 ? 1 : 0;
  },
};

function report(context: CommandContext, checked: Tally, problems: readonly Problem[]): void {
  if (context.json) {
    printJson(context.io, { ok: problems.length === 0, checked, problems });
    return;
  }
  if (problems.length > 0) {
    context.io.out(
      formatTable(problems, [
        { heading: 'DOCUMENT', value: (p) => p.document },
        { heading: 'WHERE', value: (p) => p.where },
        { heading: 'PROBLEM', value: (p) => p.problem },
      ]),
    );
  }
  context.io.out(
    `Checked ${plural(checked.documents, 'document')} (${plural(checked.entries, 'stored update')}) and ` +
      `${plural(checked.replays, 'replay')} (${plural(checked.replayUpdates, 'update')}, ` +
      `${plural(checked.keyframes, 'keyframe')}): ` +
      (problems.length === 0 ? 'no problems.' : `${plural(problems.length, 'problem')}.`),
  );
}

async function everything(target: Target): Promise<Work[]> {
  const documents = (await target.documents.list()).map((doc) => documentWork(target, doc.name));
  const replays = await target.db
    .selectFrom('replays')
    .leftJoin('rooms', 'rooms.id', 'replays.room_id')
    .select(['replays.room_id', 'replays.canvas_round', 'rooms.code'])
    .orderBy('replays.room_id')
    .orderBy('replays.canvas_round')
    .execute();
  return [
    ...documents,
    ...replays.map((row) =>
      replayWork(
        target,
        row.room_id,
        row.canvas_round,
        `${row.code ?? row.room_id}/${row.canvas_round}`,
      ),
    ),
  ];
}

async function one(target: Target, text: string): Promise<Work> {
  const ref = await resolveRef(target, text);
  if (ref.kind === 'document') {
    await loadSubject(target, ref);
    return documentWork(target, ref.name);
  }
  return replayWork(target, ref.roomId, ref.round, `${ref.code}/${ref.round}`);
}

function documentWork(target: Target, name: string): Work {
  return {
    label: name,
    async run(tally) {
      const stored = await target.documents.read(name);
      if (!stored) return [];
      tally.documents++;
      tally.entries += stored.log.length + (stored.state ? 1 : 0);
      return checkDocument(stored);
    },
  };
}

/** Checks a stored document's state and log, in the order they apply. */
export function checkDocument(stored: StoredDocument): Problem[] {
  const parsed = parseDocName(stored.name);
  const checker = new DocumentChecker(parsed?.kind ?? 'unknown');
  const problems: Problem[] = [];
  if (!parsed)
    problems.push({
      document: stored.name,
      where: 'name',
      problem: 'is not a Scrawl document name',
    });
  for (const entry of [...(stored.state ? [stored.state] : []), ...stored.log]) {
    for (const problem of checker.check(entry.update)) {
      problems.push({ document: stored.name, where: describePosition(entry.position), problem });
    }
  }
  for (const problem of checker.finish())
    problems.push({ document: stored.name, where: 'end of log', problem });
  checker.doc.destroy();
  return problems;
}

function replayWork(target: Target, roomId: string, round: number, label: string): Work {
  const document = `${label} (replay)`;
  return {
    label: document,
    async run(tally) {
      const row = await target.db
        .selectFrom('replays')
        .select(['data', 'strokes', 'points', 'updates'])
        .where('room_id', '=', roomId)
        .where('canvas_round', '=', round)
        .executeTakeFirst();
      if (!row) return [{ document, where: 'replays row', problem: 'is missing' }];
      const { findings, counts } = await verifyReplay(row);
      tally.replays++;
      tally.replayUpdates += counts.updates;
      tally.keyframes += counts.keyframes;
      return findings.map((finding) => ({
        document,
        where: finding.where,
        problem: finding.problem,
      }));
    },
  };
}
