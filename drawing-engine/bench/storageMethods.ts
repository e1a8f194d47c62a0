import * as Y from 'yjs';
import {
  STROKE_FIELDS,
  StrokeWriter,
  decodeStroke,
  encodeStroke,
  getStrokes,
  quantizePoint,
  type InputPoint,
  type StrokeMeta,
} from '@scrawl/drawing-engine';
import type { LiveWriter, StorageMethod } from './liveDrawing.js';

const ORIGIN = { source: 'bench' };
const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** A sample as the web app holds it before quantising: board units, 0–1 pressure, ms. */
const asSampled = (p: InputPoint) => ({ x: p.x, y: p.y, pressure: p.pressure, t: p.t });
/** A sample quantised to the codec's integers: the same information the codec keeps. */
const asIntegers = (p: InputPoint) => {
  const q = quantizePoint(p);
  return { x: q.x, y: q.y, pressure: q.p, t: q.t };
};
type Shape = typeof asSampled;

/** The same stroke map as the codec's schema, with a `points` array instead of chunks. */
function beginBaseline<T>(doc: Y.Doc, meta: StrokeMeta) {
  const map = new Y.Map<unknown>();
  const points = new Y.Array<T>();
  doc.transact(() => {
    for (const key of ['id', 'author', 'tool', 'color', 'width'] as const) map.set(key, meta[key]);
    map.set('points', points);
    getStrokes(doc).push([map]);
  }, ORIGIN);
  const finish = () => doc.transact(() => map.set(STROKE_FIELDS.done, true), ORIGIN);
  return { points, finish };
}

/** This package's codec: one chunk per frame through StrokeWriter, folded at pointer-up. */
export const codec: StorageMethod = {
  name: 'codec v1 (chunks → blob)',
  begin(doc, meta): LiveWriter {
    const writer = new StrokeWriter(doc, meta, ORIGIN);
    return {
      frame(points) {
        writer.add(...points);
        writer.flush();
      },
      finish: () => writer.finish(),
    };
  },
  encode: (points) => encodeStroke(points),
  decode: (bytes) => decodeStroke(bytes),
  framing: 0,
};

/** Baseline: each frame pushes its points as objects `{x, y, pressure, t}` into a Y.Array. */
export function jsonPoints(label: string, shape: Shape): StorageMethod {
  return {
    name: `JSON points (${label})`,
    begin(doc, meta): LiveWriter {
      const { points, finish } = beginBaseline<ReturnType<Shape>>(doc, meta);
      return {
        frame: (frame) => doc.transact(() => points.push(frame.map(shape)), ORIGIN),
        finish,
      };
    },
    encode: (points) => utf8.encode(JSON.stringify(points.map(shape))),
    decode: (bytes) => JSON.parse(utf8Decoder.decode(bytes)) as unknown[],
    framing: 0,
  };
}

const flat = (points: readonly InputPoint[], shape: Shape) =>
  points.flatMap((point) => {
    const s = shape(point);
    return [s.x, s.y, s.pressure, s.t];
  });

/** Baseline: each frame pushes x, y, pressure, t of its points as numbers into a Y.Array. */
export function yArrayNumbers(label: string, shape: Shape): StorageMethod {
  const encode = (points: readonly InputPoint[]) => {
    const doc = new Y.Doc();
    doc.getArray<number>('p').push(flat(points, shape));
    return Y.encodeStateAsUpdate(doc);
  };
  return {
    name: `Y.Array of numbers (${label})`,
    begin(doc, meta): LiveWriter {
      const { points, finish } = beginBaseline<number>(doc, meta);
      return {
        frame: (frame) => doc.transact(() => points.push(flat(frame, shape)), ORIGIN),
        finish,
      };
    },
    encode,
    decode(bytes) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, bytes);
      const numbers = doc.getArray<number>('p').toArray();
      const points: InputPoint[] = [];
      for (let i = 0; i + 3 < numbers.length; i += 4) {
        const [x = 0, y = 0, pressure = 0, t = 0] = numbers.slice(i, i + 4);
        points.push({ x, y, pressure, t });
      }
      return points;
    },
    framing: encode([]).length,
  };
}

/** The baselines the targets are measured against: samples stored as the app has them. */
export const BASELINES = {
  json: jsonPoints('as sampled', asSampled),
  numbers: yArrayNumbers('as sampled', asSampled),
};

/** For context: the same baselines after quantising, i.e. holding exactly what the codec holds. */
export const QUANTISED_BASELINES = {
  json: jsonPoints('quantised', asIntegers),
  numbers: yArrayNumbers('quantised', asIntegers),
};
