export {
  BOARD_HEIGHT,
  BOARD_WIDTH,
  boardPoint,
  boardToScreen,
  fitBoard,
  screenPoint,
  screenToBoard,
} from './board.js';
export type { BoardPoint, ScreenPoint, Viewport } from './board.js';
export {
  DEFAULT_PRESSURE,
  MAX_STROKE_MS,
  MAX_X,
  MAX_Y,
  POSITION_STEPS,
  PRESSURE_STEPS,
  dequantizePoint,
  quantizePoint,
} from './point.js';
export type { InputPoint, QuantizedPoint } from './point.js';
export { STROKE_FORMAT_V1, StrokeEncoder, concatChunks, encodeStroke } from './strokeCodec.js';
export { decodeStroke } from './decodeStroke.js';
export {
  STROKES_KEY,
  STROKE_FIELDS,
  STROKE_TOOLS,
  appendChunk,
  beginStroke,
  clearBoard,
  finishStroke,
  getStrokes,
  readStroke,
  readStrokes,
} from './canvasDoc.js';
export type { StrokeMap, StrokeMeta, StrokeTool, StrokeView } from './canvasDoc.js';
export { StrokeWriter } from './StrokeWriter.js';
export { createStrokeUndo } from './createStrokeUndo.js';
export { MAX_STROKE_WIDTH, MIN_STROKE_WIDTH, strokeRadius } from './strokeRadius.js';
export { MAX_SMOOTHING_SHIFT, smoothPoints } from './smoothPoints.js';
export { INTERPOLATION_SPACING, interpolatePoints } from './interpolatePoints.js';
export { SIMPLIFY_TOLERANCE, simplifySpine } from './simplifySpine.js';
export { getStrokeSpine } from './getStrokeSpine.js';
export { getStrokeBounds } from './getStrokeBounds.js';
export { capsuleDistance } from './capsuleDistance.js';
export { HIT_TOLERANCE, hitTestStroke } from './hitTestStroke.js';
export { traceStroke } from './traceStroke.js';
export { strokeToSvgPath } from './strokeToSvgPath.js';
export { BOARD_BACKGROUND, boardToSvg } from './boardToSvg.js';
export type { Bounds, PathSink, PenPoint, Spine, SpinePoint } from './geometryTypes.js';
export { DEFAULT_WRITE_LIMITS, validateCanvasUpdate } from './validateUpdate.js';
export type { CanvasUpdateVerdict, CanvasWriteRules } from './validateUpdate.js';
export { chunkPointCount } from './chunkPointCount.js';
export { KEYFRAME_INTERVAL_MS, buildReplay, seekReplay } from './replay.js';
export type { Keyframe, ReplayData, TimedUpdate } from './replay.js';
export { REPLAY_FORMAT_V1, decodeReplay, encodeReplay } from './replayCodec.js';
