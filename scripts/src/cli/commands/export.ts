import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BOARD_HEIGHT, BOARD_WIDTH, boardToSvg, readStrokes } from '@scrawl/drawing-engine';
import { printJson, stringOption, type Command } from '../command.js';
import { UsageError } from '../errors.js';
import { plural } from '../output/format.js';
import { encodePng } from '../render/encodePng.js';
import { rasterize } from '../render/rasterize.js';
import { loadSubject, subjectDoc } from '../subject/loadSubject.js';
import { withMoment } from '../subject/moment.js';
import { REF_FORMS, resolveRef } from '../subject/resolveRef.js';

/** Pixels per board unit allowed for PNG: from a thumbnail to 4× (6400 × 4000). */
const MIN_SCALE = 0.05;
const MAX_SCALE = 4;

export const exportCommand: Command = {
  name: 'export',
  summary: 'a drawing, or a replay at a moment, as SVG or PNG',
  usage: 'scrawl export DOC|ROUND (--svg FILE | --png FILE) [--at SECONDS] [--scale N]',
  details:
    `DOC|ROUND is ${REF_FORMS}.\n` +
    "SVG is drawing-engine's boardToSvg (1600 × 1000 board units on white). PNG is drawn by\n" +
    "the CLI's own rasterizer from the same geometry (each stroke the union of the capsules\n" +
    "between its spine's discs, antialiased by exact distance) and encoded with node:zlib: no\n" +
    'native addon. --at SECONDS (or CODE/<n>@SECONDS) shows a finished turn as it was that many\n' +
    'seconds after drawing began; --scale sets PNG pixels per board unit (default 1).',
  options: {
    svg: { type: 'string', value: 'FILE', description: 'write an SVG file' },
    png: { type: 'string', value: 'FILE', description: 'write a PNG file' },
    at: {
      type: 'string',
      value: 'SECONDS',
      description: 'a moment of a replay, in seconds since the turn began',
    },
    scale: {
      type: 'string',
      value: 'N',
      description: `PNG pixels per board unit, ${MIN_SCALE}–${MAX_SCALE} (default 1)`,
    },
  },
  positionals: { min: 1, max: 1 },
  async run(context) {
    const svgFile = stringOption(context, 'svg');
    const pngFile = stringOption(context, 'png');
    if (svgFile === undefined && pngFile === undefined)
      throw new UsageError('Say where to write: --svg FILE or --png FILE.');
    const scaleText = stringOption(context, 'scale');
    const scale = scaleText === undefined ? 1 : Number(scaleText);
    if (!Number.isFinite(scale) || scale < MIN_SCALE || scale > MAX_SCALE) {
      throw new UsageError(`--scale must be a number ${MIN_SCALE}–${MAX_SCALE}.`);
    }
    const target = await context.target();
    const ref = withMoment(
      await resolveRef(target, context.args[0] ?? ''),
      stringOption(context, 'at'),
    );
    const subject = await loadSubject(target, ref);
    if (subject.kind !== 'canvas')
      throw new UsageError(`${subject.label} is a game document; only canvases are drawings.`);
    const doc = subjectDoc(subject);
    const strokes = readStrokes(doc);
    doc.destroy();
    const written: { file: string; format: 'svg' | 'png'; width: number; height: number }[] = [];
    if (svgFile !== undefined) {
      const file = resolve(context.io.cwd, svgFile);
      writeFileSync(file, boardToSvg(strokes));
      written.push({ file, format: 'svg', width: BOARD_WIDTH, height: BOARD_HEIGHT });
    }
    if (pngFile !== undefined) {
      const file = resolve(context.io.cwd, pngFile);
      const image = rasterize(strokes, scale);
      writeFileSync(file, encodePng(image.width, image.height, image.rgb));
      written.push({ file, format: 'png', width: image.width, height: image.height });
    }
    const at =
      subject.replay && subject.at !== null ? (subject.at - subject.replay.startedAt) / 1000 : null;
    if (context.json) {
      printJson(context.io, { subject: subject.label, at, strokes: strokes.length, written });
      return 0;
    }
    for (const output of written) {
      context.io.out(
        `Wrote ${output.file} (${output.format.toUpperCase()}, ${output.width} × ${output.height}, ` +
          `${plural(strokes.length, 'stroke')} of ${subject.label}).`,
      );
    }
    return 0;
  },
};
