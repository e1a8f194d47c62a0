import { describePosition } from '../target/Target.js';
import type { Subject } from './loadSubject.js';

/** One stored update of a subject, in the order it applies. */
export interface SubjectEntry {
  /** Where it is stored, in words: `document_updates seq 42`, `update #12`. */
  readonly where: string;
  /** Server time it arrived (epoch ms), if known. */
  readonly at: number | null;
  readonly update: Uint8Array;
  /** A folded state rather than one client's update. */
  readonly folded: boolean;
}

/**
 * A subject's updates in order: a document's folded state and its log; a replay's updates
 * up to the moment asked for.
 */
export function subjectEntries(subject: Subject): SubjectEntry[] {
  if (subject.replay) {
    const until = subject.at ?? Number.MAX_SAFE_INTEGER;
    return subject.replay.data.updates
      .map((entry, index) => ({
        where: `update #${index + 1}`,
        at: entry.at,
        update: entry.update,
        folded: false,
      }))
      .filter((entry) => entry.at <= until);
  }
  const stored = subject.document;
  if (!stored) return [];
  return [
    ...(stored.state
      ? [
          {
            where: describePosition(stored.state.position),
            at: stored.state.at,
            update: stored.state.update,
            folded: true,
          },
        ]
      : []),
    ...stored.log.map((entry) => ({
      where: describePosition(entry.position),
      at: entry.at,
      update: entry.update,
      folded: false,
    })),
  ];
}
