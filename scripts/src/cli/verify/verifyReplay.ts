import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import * as Y from 'yjs';
import { decodeReplay, readStrokes, type ReplayData } from '@scrawl/drawing-engine';
import { DocumentChecker, type Finding } from './DocumentChecker.js';

const gunzipAsync = promisify(gunzip);

/** A replays row as verify reads it. */
export interface ReplayRow {
  readonly data: Uint8Array;
  readonly strokes: number;
  readonly points: number;
  readonly updates: number;
}

/** What a replay held, for the summary. */
export interface ReplayCounts {
  updates: number;
  keyframes: number;
}

/**
 * Checks a stored replay: gzip, the container (RP3), every update against the canvas
 * schema in time order, every keyframe against the updates it claims to hold (RP2), and the
 * counts stored beside it.
 */
export async function verifyReplay(
  row: ReplayRow,
): Promise<{ findings: Finding[]; counts: ReplayCounts }> {
  const findings: Finding[] = [];
  let replay: ReplayData;
  try {
    replay = decodeReplay(new Uint8Array(await gunzipAsync(row.data)));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      findings: [{ where: 'data', problem: `not a replay container (${reason})` }],
      counts: { updates: 0, keyframes: 0 },
    };
  }
  const checker = new DocumentChecker('canvas');
  const byUpTo = new Map<number, number[]>();
  replay.keyframes.forEach((keyframe, index) => {
    if (keyframe.upTo > replay.updates.length) {
      findings.push({
        where: `keyframe #${index + 1}`,
        problem: `claims ${keyframe.upTo} updates; the replay has ${replay.updates.length}`,
      });
    }
    byUpTo.set(keyframe.upTo, [...(byUpTo.get(keyframe.upTo) ?? []), index]);
  });
  const compareKeyframes = (upTo: number) => {
    for (const index of byUpTo.get(upTo) ?? []) {
      const problem = keyframeProblem(replay, index, checker.doc);
      if (problem) findings.push({ where: `keyframe #${index + 1}`, problem });
    }
  };
  compareKeyframes(0);
  let lastAt = -Infinity;
  replay.updates.forEach((entry, index) => {
    const where = `update #${index + 1}`;
    if (entry.at < lastAt) findings.push({ where, problem: 'is older than the update before it' });
    lastAt = entry.at;
    for (const problem of checker.check(entry.update)) findings.push({ where, problem });
    compareKeyframes(index + 1);
  });
  for (const problem of checker.finish()) findings.push({ where: 'end of replay', problem });
  const strokes = readStrokes(checker.doc);
  const points = strokes.reduce((sum, stroke) => sum + stroke.points.length, 0);
  const counts = { strokes: strokes.length, points, updates: replay.updates.length };
  for (const key of ['strokes', 'points', 'updates'] as const) {
    if (row[key] !== counts[key]) {
      findings.push({
        where: 'row',
        problem: `says ${row[key]} ${key}; the replay holds ${counts[key]}`,
      });
    }
  }
  return {
    findings,
    counts: { updates: replay.updates.length, keyframes: replay.keyframes.length },
  };
}

/** Why a keyframe differs from the document its updates build, or null when it matches. */
function keyframeProblem(replay: ReplayData, index: number, built: Y.Doc): string | null {
  const keyframe = replay.keyframes[index];
  if (!keyframe) return null;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, keyframe.state);
  } catch (error) {
    return `is not a readable Yjs state (${error instanceof Error ? error.message : String(error)})`;
  }
  const same = JSON.stringify(readStrokes(doc)) === JSON.stringify(readStrokes(built));
  doc.destroy();
  return same ? null : `does not match the first ${keyframe.upTo} updates`;
}
