import * as Y from 'yjs';
import {
  STROKE_FIELDS,
  StrokeWriter,
  createStrokeUndo,
  getStrokes,
  readStroke,
  readStrokes,
} from '@scrawl/drawing-engine';
import { Random } from './random.js';

/**
 * Seeded random stroke operations across several in-process canvas documents with random
 * delivery (the way Yjs and tldraw test convergence): every peer draws, appends, finishes,
 * undoes, redoes and clears; updates travel as messages delivered in random order, some
 * twice, some only by a later state exchange (a reconnect). At the end every peer must hold
 * byte-equal state, the same strokes, each readable, no id twice.
 */

/** Transaction origin of updates applied from the network (never re-sent). */
const NETWORK = Symbol('network');
/**
 * Origin of removing other players' strokes when clearing, untracked by undo, as the web
 * does (web/src/board/eraseStrokes.ts): undo takes back only the player's own strokes.
 */
const OTHERS = { source: 'others' };
/** Steps between checks that every peer's strokes still decode. */
const READ_CHECK_EVERY = 25;
/** Operations and their weights: drawing dominates, as in a game. */
const OPERATIONS = [
  ['draw', 6],
  ['append', 10],
  ['finish', 4],
  ['undo', 3],
  ['redo', 2],
  ['clear', 1],
  ['deliver', 10],
  ['resync', 1],
] as const;
type Operation = (typeof OPERATIONS)[number][0];

export interface FuzzOptions {
  peers: number;
  operations: number;
}

export interface FuzzResult {
  seed: number;
  /** Null when every peer converged; else what differed. */
  problem: string | null;
  counts: Record<Operation | 'duplicateDeliveries', number>;
  /** Strokes on the converged board. */
  strokes: number;
}

interface Peer {
  index: number;
  doc: Y.Doc;
  origin: { peer: number };
  undo: Y.UndoManager;
  writer: StrokeWriter | null;
  strokes: number;
  t: number;
}

/** Runs one seeded fuzz case; deterministic for a seed and options. */
export function fuzzConvergence(seed: number, options: FuzzOptions): FuzzResult {
  const random = new Random(seed);
  const counts: FuzzResult['counts'] = {
    draw: 0,
    append: 0,
    finish: 0,
    undo: 0,
    redo: 0,
    clear: 0,
    deliver: 0,
    resync: 0,
    duplicateDeliveries: 0,
  };
  const inFlight: { to: number; update: Uint8Array }[] = [];
  const peers: Peer[] = Array.from({ length: options.peers }, (_, index) => {
    const doc = new Y.Doc({ gc: true });
    // Yjs picks client ids at random, and they order concurrent inserts: fix them per seed.
    doc.clientID = random.int(1, 2 ** 31 - 1);
    const origin = { peer: index };
    doc.on('update', (update: Uint8Array, from: unknown) => {
      if (from === NETWORK) return;
      for (let to = 0; to < options.peers; to++) if (to !== index) inFlight.push({ to, update });
    });
    return {
      index,
      doc,
      origin,
      undo: createStrokeUndo(doc, origin),
      writer: null,
      strokes: 0,
      t: 0,
    };
  });

  const deliverOne = () => {
    const at = random.int(0, inFlight.length - 1);
    const message = inFlight[at];
    if (!message) return;
    // At-least-once: now and then a message is delivered and kept for a second delivery.
    if (random.chance(0.05)) counts.duplicateDeliveries++;
    else inFlight.splice(at, 1);
    Y.applyUpdate(peers[message.to]!.doc, message.update, NETWORK);
  };

  try {
    for (let step = 0; step < options.operations; step++) {
      const peer = random.pick(peers);
      const operation = pickWeighted(random);
      counts[operation]++;
      switch (operation) {
        case 'draw':
          peer.writer?.finish();
          peer.writer = new StrokeWriter(
            peer.doc,
            {
              id: `p${peer.index}s${peer.strokes++}`,
              author: `player-${peer.index}`,
              tool: 'brush',
              color: '#336699',
              width: random.int(1, 40),
            },
            peer.origin,
          );
          addPoints(peer, random);
          break;
        case 'append':
          if (peer.writer) addPoints(peer, random);
          break;
        case 'finish':
          peer.writer?.finish();
          peer.writer = null;
          break;
        case 'undo':
        case 'redo':
          peer.writer?.finish();
          peer.writer = null;
          if (operation === 'undo') peer.undo.undo();
          else peer.undo.redo();
          break;
        case 'clear':
          peer.writer?.finish();
          peer.writer = null;
          clear(peer);
          break;
        case 'deliver':
          for (let n = random.int(1, 8); n > 0 && inFlight.length > 0; n--) deliverOne();
          break;
        case 'resync': {
          const other = random.pick(peers);
          if (other !== peer) exchange(peer.doc, other.doc);
          break;
        }
      }
      if (
        step % READ_CHECK_EVERY === 0 &&
        readStrokes(peer.doc).length !== getStrokes(peer.doc).length
      )
        return fail(seed, counts, `peer ${peer.index} holds an unreadable stroke at step ${step}`);
    }
    for (const peer of peers) peer.writer?.finish();
    while (inFlight.length > 0) deliverOne();
    for (const a of peers) for (const b of peers) if (a !== b) exchange(a.doc, b.doc);
    return { seed, problem: compare(peers), counts, strokes: readStrokes(peers[0]!.doc).length };
  } finally {
    for (const peer of peers) {
      peer.undo.destroy();
      peer.doc.destroy();
    }
  }
}

function fail(seed: number, counts: FuzzResult['counts'], problem: string): FuzzResult {
  return { seed, problem, counts, strokes: 0 };
}

function pickWeighted(random: Random): Operation {
  const total = OPERATIONS.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [operation, weight] of OPERATIONS) {
    roll -= weight;
    if (roll < 0) return operation;
  }
  return 'deliver';
}

/** One animation frame of drawing: a few samples, flushed as one chunk. */
function addPoints(peer: Peer, random: Random): void {
  for (let i = random.int(1, 4); i > 0; i--) {
    peer.t += random.int(4, 20);
    peer.writer?.add({
      x: random.range(0, 1600),
      y: random.range(0, 1000),
      pressure: random.next(),
      t: peer.t,
    });
  }
  peer.writer?.flush();
}

/** Clears the board as a turn's drawer does: own strokes undoably, others' apart. */
function clear(peer: Peer): void {
  const author = `player-${peer.index}`;
  const strokes = getStrokes(peer.doc);
  const remove = (own: boolean, origin: object) =>
    peer.doc.transact(() => {
      for (let index = strokes.length - 1; index >= 0; index--) {
        if ((strokes.get(index).get(STROKE_FIELDS.author) === author) === own)
          strokes.delete(index, 1);
      }
    }, origin);
  remove(false, OTHERS);
  remove(true, peer.origin);
}

/** What two peers exchange when they (re)connect: each sends what the other lacks. */
function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), NETWORK);
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), NETWORK);
}

/** Null when every peer holds the same bytes and strokes; else the first difference. */
function compare(peers: readonly Peer[]): string | null {
  const first = peers[0]!;
  const bytes = Buffer.from(normalized(first.doc));
  const strokes = JSON.stringify(readStrokes(first.doc));
  const ids = readStrokes(first.doc).map((s) => s.id);
  if (new Set(ids).size !== ids.length) return 'a stroke id appears twice on the board';
  for (const stroke of getStrokes(first.doc))
    if (readStroke(stroke) === null) return 'the converged board holds an unreadable stroke';
  for (const peer of peers.slice(1)) {
    if (JSON.stringify(readStrokes(peer.doc)) !== strokes)
      return `peer ${peer.index} shows other strokes than peer 0`;
    if (!Y.equalSnapshots(Y.snapshot(first.doc), Y.snapshot(peer.doc)))
      return `peer ${peer.index}'s snapshot (state vector and deletions) differs from peer 0's`;
    if (!bytes.equals(Buffer.from(normalized(peer.doc))))
      return `peer ${peer.index}'s state differs from peer 0's (encodeStateAsUpdate)`;
  }
  return null;
}

/**
 * The document's state as a peer without undo history holds it. A peer's UndoManager keeps
 * the items it deleted (so redo can bring them back) where every other peer collects them
 * as garbage: same content, same deletions, other bytes. Loading the state into a fresh
 * document, as the server and every newcomer do, gives the bytes all peers must share.
 */
export function normalized(doc: Y.Doc): Uint8Array {
  const fresh = new Y.Doc({ gc: true });
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
  const bytes = Y.encodeStateAsUpdate(fresh);
  fresh.destroy();
  return bytes;
}
