import * as Y from 'yjs';
import { STROKES_KEY, STROKE_FIELDS, getStrokes, type StrokeMap } from '@scrawl/drawing-engine';
import { CHAT_KEY, GAME_STATE_KEY, chatLineSchema, gameStateSchema } from '@scrawl/protocol';
import { checkStroke } from './checkStroke.js';

/** Root types each kind of document may hold. */
const ROOTS = { canvas: [STROKES_KEY], game: [GAME_STATE_KEY, CHAT_KEY], unknown: [] } as const;
type Kind = keyof typeof ROOTS;

/** A problem found at one place. */
export interface Finding {
  readonly where: string;
  readonly problem: string;
}

/**
 * Applies a document's stored updates in order and checks each against the schema: that it
 * decodes, applies, writes only the document's root types, and leaves every stroke (or game
 * state key and chat line) it touched valid. A problem is reported once, at the update that
 * brought it in, so a bad entry is named by its position.
 */
export class DocumentChecker {
  readonly doc = new Y.Doc();
  private readonly strokeSignatures = new WeakMap<StrokeMap, string>();
  private readonly reported = new WeakSet<object>();
  private stateJson = new Map<string, string>();
  private readonly chatSeen = new Set<string>();

  constructor(private readonly kind: Kind) {}

  /** Checks one stored update; returns what is wrong with it. */
  check(update: Uint8Array): string[] {
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(update);
    } catch (error) {
      return [`not a readable Yjs update (${message(error)})`];
    }
    const problems: string[] = [];
    const allowed: readonly string[] = ROOTS[this.kind];
    for (const struct of decoded.structs) {
      // A decoded item names its parent by root name (a string) when it sits at the top.
      const parent: unknown = struct instanceof Y.Item ? struct.parent : null;
      if (typeof parent === 'string' && !allowed.includes(parent)) {
        problems.push(`writes root type "${parent}", which a ${this.kind} document does not have`);
        break;
      }
    }
    try {
      Y.applyUpdate(this.doc, update);
    } catch (error) {
      return [...problems, `cannot be applied (${message(error)})`];
    }
    if (this.kind === 'canvas') problems.push(...this.checkStrokes());
    if (this.kind === 'game') problems.push(...this.checkGame());
    return problems;
  }

  /** Checks what can only be judged once every update is in. */
  finish(): string[] {
    const problems: string[] = [];
    if (this.doc.store.pendingStructs || this.doc.store.pendingDs) {
      problems.push('refers to content no stored update holds (updates are missing)');
    }
    if (this.kind === 'game' && this.doc.getMap(GAME_STATE_KEY).size > 0) {
      const parsed = gameStateSchema.safeParse(this.doc.getMap(GAME_STATE_KEY).toJSON());
      if (!parsed.success) {
        problems.push(
          `game state does not follow the schema: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
        );
      }
    }
    return problems;
  }

  private checkStrokes(): string[] {
    const problems: string[] = [];
    for (const [index, entry] of (getStrokes(this.doc).toArray() as unknown[]).entries()) {
      if (!(entry instanceof Y.Map)) {
        if (typeof entry === 'object' && entry !== null && this.reported.has(entry)) continue;
        if (typeof entry === 'object' && entry !== null) this.reported.add(entry);
        problems.push(
          `the strokes list holds a ${describe(entry)} at index ${index}, not a stroke map`,
        );
        continue;
      }
      const stroke: StrokeMap = entry;
      const signature = signatureOf(stroke);
      if (this.strokeSignatures.get(stroke) === signature) continue;
      this.strokeSignatures.set(stroke, signature);
      const problem = checkStroke(stroke);
      if (problem && !this.reported.has(stroke)) {
        this.reported.add(stroke);
        const id: unknown = stroke.get(STROKE_FIELDS.id);
        problems.push(`stroke ${typeof id === 'string' ? id : `#${index}`} ${problem}`);
      }
    }
    return problems;
  }

  private checkGame(): string[] {
    const problems: string[] = [];
    const shape: Record<string, { safeParse(value: unknown): { success: boolean } } | undefined> =
      gameStateSchema.shape;
    const next = new Map<string, string>();
    for (const [key, value] of this.doc.getMap<unknown>(GAME_STATE_KEY).entries()) {
      const json = JSON.stringify(value) ?? 'undefined';
      next.set(key, json);
      if (this.stateJson.get(key) === json) continue;
      const schema = shape[key];
      if (!schema) problems.push(`game state has a key "${key}" the schema does not have`);
      else if (!schema.safeParse(value).success)
        problems.push(`game state ${key} is not valid: ${json.slice(0, 80)}`);
    }
    this.stateJson = next;
    for (const line of this.doc.getArray<unknown>(CHAT_KEY).toArray()) {
      const json = JSON.stringify(line) ?? 'undefined';
      if (this.chatSeen.has(json)) continue;
      this.chatSeen.add(json);
      if (!chatLineSchema.safeParse(line).success)
        problems.push(`chat line is not valid: ${json.slice(0, 80)}`);
    }
    return problems;
  }
}

/** What makes a stroke change: its field count, done, and its chunks' sizes. */
function signatureOf(stroke: StrokeMap): string {
  const chunks: unknown = stroke.get(STROKE_FIELDS.chunks);
  const sizes =
    chunks instanceof Y.Array
      ? (chunks.toArray() as unknown[]).map((c) => (c instanceof Uint8Array ? c.length : -1))
      : [];
  return `${[...stroke.keys()].sort().join(',')}|${JSON.stringify(stroke.get(STROKE_FIELDS.done) ?? null)}|${sizes.join(',')}`;
}

function describe(value: unknown): string {
  if (value instanceof Y.AbstractType) return value.constructor.name;
  return value === null ? 'null' : typeof value;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
