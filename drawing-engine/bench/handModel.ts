import type { Random } from './random.js';
import type { Vec } from './shapes.js';

/** One pen sample as a digitiser reports it: board units, pressure 0–1, ms since pen-down. */
export interface PenSample {
  readonly x: number;
  readonly y: number;
  readonly pressure: number;
  readonly t: number;
}

// ---- Movement: overlapping minimum-jerk submovements (Flash & Hogan; Plamondon) --------

/** Fitts-style duration of a submovement: a fixed part plus a part growing with log distance. */
const MOVE_BASE_S = 0.07;
const MOVE_PER_BIT_S = 0.055;
/** Target width in the Fitts term, board units: how precisely a via point is aimed at. */
const MOVE_TARGET_UNITS = 8;
/** Next submovement starts this fraction into the previous one: rounds corners, keeps pace. */
const OVERLAP = [0.45, 0.75] as const;

// ---- Noise -----------------------------------------------------------------------------

/** Physiological tremor: 8–12 Hz, a few tenths of a board unit (≈ 0.05 mm on a tablet). */
const TREMOR_HZ = [8, 12] as const;
const TREMOR_UNITS = [0.08, 0.3] as const;
/** Digitiser position noise per sample, board units (standard deviation). */
const SENSOR_UNITS = 0.05;
/** Sampling jitter, ms (standard deviation): event timestamps are not perfectly regular. */
const JITTER_MS = 0.35;
/** Fraction of samples the browser drops or merges. */
const DROP_RATE = 0.02;
/** Pen pressure resolution of the digitiser (12 bits, common in pens). */
const PRESSURE_LEVELS = 4095;

// ---- Pressure ----------------------------------------------------------------------------

/** Pressure rises over this long after touch-down and falls over this long before lift. */
const ATTACK_MS = [30, 90] as const;
const RELEASE_MS = [25, 70] as const;
/** Pressure at touch-down and lift-off, before the ramps. */
const EDGE_PRESSURE = [0.04, 0.15] as const;
/** Slow pressure wander while drawing: amplitude and frequency. */
const WANDER = 0.07;
const WANDER_HZ = [0.8, 2.5] as const;
/** A dot keeps the pen down this long, ms. */
const TAP_MS = [40, 120] as const;

/** How the hand draws one stroke: pace, pressure level, sampling rate. */
export interface Hand {
  /** Speed multiplier: 1 is careful drawing, 1.6 quick sketching. */
  readonly speed: number;
  /** Typical pressure while drawing, 0–1. */
  readonly pressure: number;
  /** Digitiser report rate, Hz. */
  readonly hz: number;
}

/** Minimum-jerk position profile: 0 → 1 with zero velocity and acceleration at both ends. */
function minimumJerk(tau: number): number {
  const s = Math.min(1, Math.max(0, tau));
  return s * s * s * (10 - 15 * s + 6 * s * s);
}

function smoothstep(s: number): number {
  const c = Math.min(1, Math.max(0, s));
  return c * c * (3 - 2 * c);
}

interface Submovement {
  readonly dx: number;
  readonly dy: number;
  /** Onset and duration in seconds. */
  readonly start: number;
  readonly duration: number;
}

function plan(random: Random, via: readonly Vec[], hand: Hand): Submovement[] {
  const moves: Submovement[] = [];
  let onset = 0;
  for (let i = 1; i < via.length; i++) {
    const a = via[i - 1];
    const b = via[i];
    if (!a || !b) continue;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const distance = Math.hypot(dx, dy);
    const fitts = MOVE_BASE_S + MOVE_PER_BIT_S * Math.log2(1 + distance / MOVE_TARGET_UNITS);
    const duration = (fitts * random.range(0.85, 1.15)) / hand.speed;
    moves.push({ dx, dy, start: onset, duration });
    onset += duration * random.range(OVERLAP[0], OVERLAP[1]);
  }
  return moves;
}

/**
 * Simulates a pen drawing through `via`: the sum of overlapping minimum-jerk submovements,
 * plus tremor and sensor noise, sampled at `hand.hz` with timing jitter and dropped
 * samples, with pressure rising after touch-down, wandering, and falling before lift.
 */
export function drawStroke(random: Random, via: readonly Vec[], hand: Hand): PenSample[] {
  const origin = via[0] ?? { x: 0, y: 0 };
  const moves = plan(random, via, hand);
  const lastMove = moves[moves.length - 1];
  const movingS = lastMove ? lastMove.start + lastMove.duration : 0;
  const durationMs =
    moves.length === 0 ? random.range(TAP_MS[0], TAP_MS[1]) : movingS * 1000 + random.range(0, 20);

  const tremor = [0, 1].map(() => ({
    hz: random.range(TREMOR_HZ[0], TREMOR_HZ[1]),
    amplitude: random.range(TREMOR_UNITS[0], TREMOR_UNITS[1]),
    phaseX: random.range(0, Math.PI * 2),
    phaseY: random.range(0, Math.PI * 2),
  }));
  const attack = random.range(ATTACK_MS[0], ATTACK_MS[1]);
  const release = random.range(RELEASE_MS[0], RELEASE_MS[1]);
  const startPressure = random.range(EDGE_PRESSURE[0], EDGE_PRESSURE[1]);
  const endPressure = random.range(EDGE_PRESSURE[0], EDGE_PRESSURE[1]);
  const wanderHz = random.range(WANDER_HZ[0], WANDER_HZ[1]);
  const wanderPhase = random.range(0, Math.PI * 2);

  const samples: PenSample[] = [];
  const periodMs = 1000 / hand.hz;
  let lastT = -1;
  for (let k = 0; k * periodMs <= durationMs; k++) {
    if (k > 0 && random.next() < DROP_RATE) continue;
    const t = Math.max(lastT + 0.1, k === 0 ? 0 : k * periodMs + random.gauss(0, JITTER_MS));
    lastT = t;
    const s = t / 1000;
    let x = origin.x;
    let y = origin.y;
    for (const move of moves) {
      const progress = minimumJerk((s - move.start) / move.duration);
      x += move.dx * progress;
      y += move.dy * progress;
    }
    for (const wave of tremor) {
      x += wave.amplitude * Math.sin(2 * Math.PI * wave.hz * s + wave.phaseX);
      y += wave.amplitude * Math.sin(2 * Math.PI * wave.hz * s + wave.phaseY);
    }
    x += random.gauss(0, SENSOR_UNITS);
    y += random.gauss(0, SENSOR_UNITS);

    const rise = smoothstep(t / attack);
    const fall = smoothstep((durationMs - t) / release);
    const level = hand.pressure * (1 + WANDER * Math.sin(2 * Math.PI * wanderHz * s + wanderPhase));
    const edge = t < durationMs / 2 ? startPressure : endPressure;
    const pressure = edge + (level - edge) * Math.min(rise, fall);
    samples.push({
      x,
      y,
      pressure: Math.round(Math.min(1, Math.max(0, pressure)) * PRESSURE_LEVELS) / PRESSURE_LEVELS,
      t,
    });
  }
  return samples;
}
