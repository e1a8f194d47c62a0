/**
 * `npm run bench -w drawing-engine`: replays the committed pen trace (trace.json) through
 * the stroke codec and the baselines, and prints bytes per point (payload, and the Y.Doc
 * after live drawing), ratios, and encode/decode speed, all measured in this one run.
 */
import * as Y from 'yjs';
import traceFile from './trace.json' with { type: 'json' };
import { drawLive, type StorageMethod } from './liveDrawing.js';
import { BASELINES, QUANTISED_BASELINES, codec } from './storageMethods.js';
import { pointsPerSecond } from './timing.js';
import { decodeTrace } from './traceFile.js';

/** Acceptance targets of issue 3 (acceptance 2). */
const TARGET = {
  payloadBytesPerPoint: 4,
  docBytesPerPoint: 5,
  vsNumbers: 5,
  vsJson: 7,
  decodePointsPerSecond: 20e6,
};

interface Result {
  readonly payload: number;
  readonly doc: number;
  readonly encode: number;
  readonly decode: number;
}

const strokes = decodeTrace(traceFile);
const total = strokes.reduce((sum, stroke) => sum + stroke.points.length, 0);

function measure(method: StorageMethod): Result {
  const encoded = strokes.map((stroke) => method.encode(stroke.points));
  const payload = encoded.reduce((sum, bytes) => sum + bytes.length - method.framing, 0);
  const doc = Y.encodeStateAsUpdate(drawLive(method, strokes)).length;
  return {
    payload: payload / total,
    doc: doc / total,
    encode: pointsPerSecond(total, () => strokes.forEach((s) => method.encode(s.points))),
    decode: pointsPerSecond(total, () => encoded.forEach((bytes) => method.decode(bytes))),
  };
}

const fixed = (value: number, digits = 2) => value.toFixed(digits);
const millions = (value: number) => `${fixed(value / 1e6, 1)} M`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

const methods = [
  codec,
  BASELINES.json,
  BASELINES.numbers,
  QUANTISED_BASELINES.json,
  QUANTISED_BASELINES.numbers,
];
const results = new Map(methods.map((method) => [method, measure(method)]));
const get = (method: StorageMethod): Result => {
  const result = results.get(method);
  if (!result) throw new Error(`${method.name} was not measured`);
  return result;
};
const ours = get(codec);

console.log(`trace: ${strokes.length} strokes, ${total} points (bench/trace.json, simulated pen)`);
console.log('Y.Doc: all strokes drawn live, one write per 60 Hz frame; encodeStateAsUpdate size');
console.table(
  Object.fromEntries(
    methods.map((method) => {
      const r = get(method);
      return [
        method.name,
        {
          'payload B/pt': fixed(r.payload),
          'Y.Doc B/pt': fixed(r.doc),
          'Y.Doc ÷ codec': `${fixed(r.doc / ours.doc, 1)}×`,
          'encode pts/s': millions(r.encode),
          'decode pts/s': millions(r.decode),
        },
      ];
    }),
  ),
);

const vsNumbers = get(BASELINES.numbers).doc / ours.doc;
const vsJson = get(BASELINES.json).doc / ours.doc;
const lines = [
  [
    `codec payload ${fixed(ours.payload)} B/pt ≤ ${TARGET.payloadBytesPerPoint}`,
    ours.payload <= TARGET.payloadBytesPerPoint,
  ],
  [
    `codec Y.Doc ${fixed(ours.doc)} B/pt ≤ ${TARGET.docBytesPerPoint}`,
    ours.doc <= TARGET.docBytesPerPoint,
  ],
  [
    `Y.Doc ${fixed(vsNumbers, 1)}× smaller than Y.Array of numbers (as sampled), ≥ ${TARGET.vsNumbers}×`,
    vsNumbers >= TARGET.vsNumbers,
  ],
  [
    `Y.Doc ${fixed(vsJson, 1)}× smaller than JSON points (as sampled), ≥ ${TARGET.vsJson}×`,
    vsJson >= TARGET.vsJson,
  ],
  [
    `decoding ${millions(ours.decode)} points/s ≥ ${millions(TARGET.decodePointsPerSecond)}`,
    ours.decode >= TARGET.decodePointsPerSecond,
  ],
] as const;
const overhead = ((ours.doc - ours.payload) * total) / strokes.length;
console.log(
  `codec Y.Doc overhead: ${fixed(overhead, 0)} bytes a stroke (schema fields, Yjs items)`,
);
console.log('\ntargets (issue 3, acceptance 2):');
for (const [text, ok] of lines) console.log(`  ${verdict(ok)}: ${text}`);
console.log(
  `\nagainst the quantised baselines (same information as the codec): Y.Doc ${fixed(get(QUANTISED_BASELINES.numbers).doc / ours.doc, 1)}× smaller than numbers, ${fixed(get(QUANTISED_BASELINES.json).doc / ours.doc, 1)}× smaller than JSON`,
);
