import { getStrokes, readStrokes } from '@scrawl/drawing-engine';
import { gameStateSchema } from '@scrawl/protocol';
import { printJson, type Command } from '../command.js';
import { UnreachableError } from '../errors.js';
import { connectLive, presenceEntries, type PresenceEntry } from '../live/connectLive.js';
import { gameSnapshot } from '../model/snapshot.js';
import { loadSubject, subjectDoc, type Subject } from '../subject/loadSubject.js';
import { REF_FORMS, resolveRef } from '../subject/resolveRef.js';
import type { Target } from '../target/Target.js';

/** After syncing, how long presence gets to arrive (the server sends it as the socket opens). */
const PRESENCE_GRACE_MS = 150;

type PresenceReport = { live: true; entries: PresenceEntry[] } | { live: false; note: string };

export const dumpCommand: Command = {
  name: 'dump',
  summary: 'a document as readable JSON: strokes, game state, presence when live',
  usage: 'scrawl dump DOC|ROUND [--points] [--offline]',
  details:
    `DOC|ROUND is ${REF_FORMS}.\n` +
    'Canvas: every stroke with id, author (and name), tool, colour, width, point count, done.\n' +
    'Game document: the game state and the chat. Presence (who is connected now) is read\n' +
    'from the live collab-server when COLLAB_URL and REFEREE_SECRET are set (npm start sets\n' +
    'both); connecting loads the document there like any viewer would.',
  options: {
    points: {
      type: 'boolean',
      description: "include every stroke's points (x, y in quarter units, p, t)",
    },
    offline: { type: 'boolean', description: 'do not connect to the live server for presence' },
  },
  positionals: { min: 1, max: 1 },
  async run(context) {
    const target = await context.target();
    const ref = await resolveRef(target, context.args[0] ?? '');
    const subject = await loadSubject(target, ref);
    const doc = subjectDoc(subject);
    const base = {
      document: subject.name,
      room: subject.code,
      roomId: subject.roomId,
      kind: subject.kind,
      ...(subject.replay
        ? {
            replay: true,
            at: subject.at === null ? null : (subject.at - subject.replay.startedAt) / 1000,
          }
        : {}),
    };
    const presence = await presenceOf(target, subject, context.options.offline === true);
    if (subject.kind === 'canvas') {
      const strokes = readStrokes(doc).map((stroke) => ({
        id: stroke.id,
        author: stroke.author,
        authorName: subject.names.get(stroke.author) ?? null,
        tool: stroke.tool,
        color: stroke.color,
        width: stroke.width,
        points: context.options.points === true ? stroke.points : stroke.points.length,
        done: stroke.done,
      }));
      const unreadable = getStrokes(doc).length - strokes.length;
      printJson(context.io, {
        ...base,
        round: subject.round,
        strokes,
        unreadableStrokes: unreadable,
        presence,
      });
    } else {
      const snapshot = gameSnapshot(doc);
      const parsed = gameStateSchema.safeParse(snapshot.state);
      printJson(context.io, {
        ...base,
        state: snapshot.state,
        stateProblems: parsed.success
          ? []
          : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
        chat: snapshot.chat,
        unreadableChatLines: snapshot.unreadable,
        presence,
      });
    }
    doc.destroy();
    return 0;
  },
};

async function presenceOf(
  target: Target,
  subject: Subject,
  offline: boolean,
): Promise<PresenceReport> {
  if (subject.replay) return { live: false, note: 'a replay has no presence' };
  if (offline) return { live: false, note: 'not asked for (--offline)' };
  if ('missing' in target.live) return { live: false, note: target.live.missing };
  let live;
  try {
    live = await connectLive(target.live, subject.name);
  } catch (error) {
    if (error instanceof UnreachableError) return { live: false, note: error.message };
    throw error;
  }
  try {
    await new Promise((resolve) => setTimeout(resolve, PRESENCE_GRACE_MS));
    return { live: true, entries: presenceEntries(live) };
  } finally {
    live.close();
  }
}
