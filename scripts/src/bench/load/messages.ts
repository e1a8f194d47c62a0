import { z } from 'zod';
import { SERVER_KINDS } from './BenchRoom.js';

/** Messages between the harness and its load-generator processes (IPC), checked both ways. */
const roomPlanSchema = z.object({
  kind: z.enum(SERVER_KINDS),
  index: z.number().int(),
  clients: z.number().int().min(2),
  http: z.array(z.string()),
  ws: z.array(z.string()).min(1),
  chat: z.boolean(),
});

export const toWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('setup'), rooms: z.array(roomPlanSchema) }),
  z.object({
    type: z.literal('start'),
    warmupMs: z.number(),
    measureMs: z.number(),
    drainMs: z.number(),
  }),
  z.object({ type: z.literal('close') }),
]);
export type ToWorker = z.infer<typeof toWorkerSchema>;

const histogramSchema = z.object({
  counts: z.record(z.string(), z.number()),
  total: z.number(),
  max: z.number(),
  sum: z.number(),
});

const roomReportSchema = z.object({
  id: z.string(),
  canvasDocs: z.array(z.string()),
  sentPoints: z.number(),
  sentStrokes: z.number(),
  finishedStrokes: z.number(),
  watchers: z.number(),
  lostPoints: z.number(),
  unfinishedStrokes: z.number(),
});

export const meterCountsSchema = z.object({
  watcherBytesIn: z.number(),
  strokeBytesIn: z.number(),
  strokeMessagesIn: z.number(),
  pointsArrived: z.number(),
  drawerMessagesOut: z.number(),
  drawerStrokeMessagesOut: z.number(),
  drawerStrokeBytesOut: z.number(),
  chatSent: z.number(),
});
export type MeterCounts = z.infer<typeof meterCountsSchema>;

export const fromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), setupMs: z.number() }),
  z.object({
    type: z.literal('result'),
    latency: histogramSchema,
    counts: meterCountsSchema,
    rooms: z.array(roomReportSchema),
    /** How long after the drawers stopped every watcher had every point (or the drain gave up). */
    drainMs: z.number(),
  }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type FromWorker = z.infer<typeof fromWorkerSchema>;
