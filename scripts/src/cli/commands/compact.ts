import { printJson, type Command } from '../command.js';
import { UsageError } from '../errors.js';
import { formatBytes, plural } from '../output/format.js';
import { loadReplay, loadSubject } from '../subject/loadSubject.js';
import { resolveRef } from '../subject/resolveRef.js';

export const compactCommand: Command = {
  name: 'compact',
  summary: "folds a document's update log into its stored state",
  usage: 'scrawl compact DOC [--force] [--json]',
  details:
    'DOC is a document name, CODE/game or CODE/canvas/<n>. Folds the log into the stored state\n' +
    "with the collab-server's own compaction (safe while the server runs: it locks the document\n" +
    'in SQL and retries a racing write in Redis) and reports the bytes before and after.\n' +
    "A round's canvas whose turn has no replay yet keeps its log — the replay is built from it —\n" +
    'unless --force is given.',
  options: {
    force: {
      type: 'boolean',
      description: "fold a round canvas's log even before its replay exists",
    },
  },
  positionals: { min: 1, max: 1 },
  async run(context) {
    const target = await context.target();
    const ref = await resolveRef(target, context.args[0] ?? '');
    if (ref.kind !== 'document')
      throw new UsageError(
        'scrawl compact folds a stored document (DOC); a replay is already compact.',
      );
    const subject = await loadSubject(target, ref);
    if (
      ref.doc.kind === 'canvas' &&
      ref.doc.round > 0 &&
      context.options.force !== true &&
      (await loadReplay(target, ref.doc.roomId, ref.doc.round)) === null
    ) {
      context.io.err(
        `${subject.label} is a round canvas without a replay yet: its log is what the replay will be built ` +
          'from when the turn ends. Nothing was changed; use --force to fold it anyway.',
      );
      return 1;
    }
    const store = await target.documents.store();
    let result;
    try {
      result = await store.compact(ref.name);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `Could not fold ${subject.label}: ${reason}. Run scrawl verify ${context.args[0] ?? ''} to find the bad entry.`,
      );
    }
    if (context.json) {
      printJson(context.io, { document: ref.name, ...result });
      return 0;
    }
    const saved =
      result.bytesBefore > 0 ? Math.round((1 - result.bytesAfter / result.bytesBefore) * 100) : 0;
    context.io.out(
      `Folded ${plural(result.folded, 'update')} of ${subject.label} into its state: ` +
        `${formatBytes(result.bytesBefore)} → ${formatBytes(result.bytesAfter)} (${saved >= 0 ? '−' : '+'}${Math.abs(saved)} %).`,
    );
    return 0;
  },
};
