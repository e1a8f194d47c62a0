import { readStrokes, type StrokeView } from '@scrawl/drawing-engine';
import { printJson, type CliIo, type Command } from '../command.js';
import { UsageError } from '../errors.js';
import { formatValue, plural } from '../output/format.js';
import { gameSnapshot } from '../model/snapshot.js';
import { loadSubject, subjectDoc, type Subject } from '../subject/loadSubject.js';
import { REF_FORMS, resolveRef } from '../subject/resolveRef.js';
import type { Target } from '../target/Target.js';

/** A stroke's fields apart from its points, which are compared on their own. */
const STROKE_KEYS = ['author', 'tool', 'color', 'width', 'done'] as const;

/** One difference: a stroke or game-state key, and its value on each side (null: absent). */
export interface Difference {
  kind: 'stroke' | 'state' | 'chat';
  id: string;
  change: 'added' | 'removed' | 'changed';
  /** Field → [A, B], for a change. */
  fields: Record<string, [unknown, unknown]>;
}

export const diffCommand: Command = {
  name: 'diff',
  summary: 'what differs between two documents, or two moments of one replay',
  usage: 'scrawl diff A B [--json]',
  details:
    `A and B are each ${REF_FORMS}.\n` +
    'Canvases: strokes only in A, only in B, and strokes whose fields or points differ.\n' +
    'Game documents: state keys and chat lines. For example, what was drawn between 5 and 10\n' +
    'seconds into a turn: scrawl diff K7PQ2X/3@5 K7PQ2X/3@10.',
  options: {},
  positionals: { min: 2, max: 2 },
  async run(context) {
    const target = await context.target();
    const a = await open(target, context.args[0] ?? '');
    const b = await open(target, context.args[1] ?? '');
    if (a.subject.kind !== b.subject.kind) {
      throw new UsageError(
        `${a.subject.label} is a ${a.subject.kind} document and ${b.subject.label} a ${b.subject.kind} document: nothing to compare.`,
      );
    }
    const differences =
      a.subject.kind === 'canvas' ? strokeDifferences(a.strokes, b.strokes) : gameDifferences(a, b);
    if (context.json) {
      printJson(context.io, {
        a: a.subject.label,
        b: b.subject.label,
        same: differences.length === 0,
        differences,
      });
      return 0;
    }
    print(context.io, a, b, differences);
    return 0;
  },
};

interface Side {
  subject: Subject;
  strokes: StrokeView[];
  game: ReturnType<typeof gameSnapshot> | null;
}

async function open(target: Target, text: string): Promise<Side> {
  const subject = await loadSubject(target, await resolveRef(target, text));
  const doc = subjectDoc(subject);
  const side = {
    subject,
    strokes: subject.kind === 'canvas' ? readStrokes(doc) : [],
    game: subject.kind === 'game' ? gameSnapshot(doc) : null,
  };
  doc.destroy();
  return side;
}

function strokeDifferences(a: readonly StrokeView[], b: readonly StrokeView[]): Difference[] {
  const inB = new Map(b.map((stroke) => [stroke.id, stroke]));
  const inA = new Map(a.map((stroke) => [stroke.id, stroke]));
  const differences: Difference[] = [];
  for (const stroke of a) {
    const other = inB.get(stroke.id);
    if (!other) {
      differences.push({ kind: 'stroke', id: stroke.id, change: 'removed', fields: {} });
      continue;
    }
    const fields: Record<string, [unknown, unknown]> = {};
    for (const key of STROKE_KEYS)
      if (stroke[key] !== other[key]) fields[key] = [stroke[key], other[key]];
    if (JSON.stringify(stroke.points) !== JSON.stringify(other.points))
      fields.points = [stroke.points.length, other.points.length];
    if (Object.keys(fields).length > 0)
      differences.push({ kind: 'stroke', id: stroke.id, change: 'changed', fields });
  }
  for (const stroke of b) {
    if (inA.has(stroke.id)) continue;
    differences.push({
      kind: 'stroke',
      id: stroke.id,
      change: 'added',
      fields: {
        ...Object.fromEntries(STROKE_KEYS.map((key) => [key, [null, stroke[key]]])),
        points: [null, stroke.points.length],
      },
    });
  }
  return differences;
}

function gameDifferences(a: Side, b: Side): Difference[] {
  const stateA = a.game?.state ?? {};
  const stateB = b.game?.state ?? {};
  const differences: Difference[] = [];
  for (const key of new Set([...Object.keys(stateA), ...Object.keys(stateB)])) {
    if (JSON.stringify(stateA[key]) === JSON.stringify(stateB[key])) continue;
    const change = !(key in stateA) ? 'added' : !(key in stateB) ? 'removed' : 'changed';
    differences.push({
      kind: 'state',
      id: key,
      change,
      fields: { value: [stateA[key] ?? null, stateB[key] ?? null] },
    });
  }
  const linesA = new Map((a.game?.chat ?? []).map((line) => [line.id, line]));
  const linesB = new Map((b.game?.chat ?? []).map((line) => [line.id, line]));
  for (const [id, line] of linesA) {
    if (!linesB.has(id))
      differences.push({
        kind: 'chat',
        id,
        change: 'removed',
        fields: { text: [line.text, null] },
      });
  }
  for (const [id, line] of linesB) {
    if (!linesA.has(id))
      differences.push({ kind: 'chat', id, change: 'added', fields: { text: [null, line.text] } });
  }
  return differences;
}

function print(io: CliIo, a: Side, b: Side, differences: readonly Difference[]): void {
  const size = (side: Side) =>
    side.game ? plural(side.game.chat.length, 'chat line') : plural(side.strokes.length, 'stroke');
  io.out(`A  ${a.subject.label}: ${size(a)}`);
  io.out(`B  ${b.subject.label}: ${size(b)}`);
  if (differences.length === 0) {
    io.out('No differences.');
    return;
  }
  const mark = { added: '+', removed: '-', changed: '~' } as const;
  for (const d of differences) {
    const fields = Object.entries(d.fields)
      .map(([key, [from, to]]) =>
        d.change === 'added'
          ? `${key} ${formatValue(to)}`
          : d.change === 'removed'
            ? ''
            : `${key} ${formatValue(from)} → ${formatValue(to)}`,
      )
      .filter((text) => text !== '')
      .join(', ');
    const where =
      d.change === 'added' ? 'only in B' : d.change === 'removed' ? 'only in A' : 'differs';
    io.out(`${mark[d.change]} ${d.kind} ${d.id}  ${where}${fields ? `: ${fields}` : ''}`);
  }
  const count = (change: Difference['change']) =>
    differences.filter((d) => d.change === change).length;
  io.out(`${count('added')} added, ${count('removed')} removed, ${count('changed')} changed.`);
}
