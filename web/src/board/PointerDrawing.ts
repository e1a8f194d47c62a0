import {
  BOARD_HEIGHT,
  BOARD_WIDTH,
  DEFAULT_PRESSURE,
  screenPoint,
  screenToBoard,
  type BoardPoint,
  type InputPoint,
  type Viewport,
} from '@scrawl/drawing-engine';
import type { Gesture } from './gestures';
import { FlushPacer } from './FlushPacer';
import { PalmRejection } from './PalmRejection';

/** What pointer input does now; replaced whenever any of it changes. */
export interface DrawingTarget {
  readonly viewport: Viewport;
  /** Starts a gesture (brush or eraser) at pointer-down, or null when drawing is off. */
  readonly begin: (() => Gesture) | null;
  /** Where the pointer is over the board, or null when it is off the board. */
  readonly onCursor: (at: BoardPoint | null) => void;
}

type PointerEventType =
  | 'pointerdown'
  | 'pointermove'
  | 'pointerup'
  | 'pointercancel'
  | 'lostpointercapture'
  | 'pointerleave';

interface Active {
  readonly gesture: Gesture;
  readonly pointerId: number;
  readonly pointerType: string;
  /** Event time of pointerdown; samples carry ms since then. */
  readonly startedAt: number;
}

/**
 * Turns Pointer Events (mouse, touch, pen) on the board element into gestures. Samples are
 * passed on at every move (coalesced events included) and gestures get one `frame` per
 * animation frame, at most 60 a second on any screen (FlushPacer); pointer-up finishes them. While a pen is in use, touches are ignored
 * (palm rejection), and a touch stroke in progress when the pen comes down is taken back.
 */
export class PointerDrawing {
  private target: DrawingTarget | null = null;
  private element: HTMLElement | null = null;
  private active: Active | null = null;
  private frameRequest: number | null = null;
  private readonly palm = new PalmRejection();
  private readonly pacer = new FlushPacer();

  /** Sets what the next samples do; turning drawing off ends a gesture in progress. */
  configure(target: DrawingTarget): void {
    this.target = target;
    if (!target.begin) this.finish();
  }

  /** Listens to pointer input on `element`; returns the function that stops listening. */
  attach(element: HTMLElement): () => void {
    this.element = element;
    const listeners: Array<[PointerEventType, (event: PointerEvent) => void]> = [
      ['pointerdown', this.onDown],
      ['pointermove', this.onMove],
      ['pointerup', this.onUp],
      ['pointercancel', this.onUp],
      ['lostpointercapture', this.onUp],
      ['pointerleave', this.onLeave],
    ];
    for (const [type, listener] of listeners) element.addEventListener(type, listener);
    return () => {
      this.finish();
      for (const [type, listener] of listeners) element.removeEventListener(type, listener);
      this.element = null;
    };
  }

  /** Finishes the gesture in progress, if any (pointer-up, or before an undo). */
  readonly end = (): void => {
    this.finish();
  };

  private readonly onDown = (event: PointerEvent): void => {
    if (event.pointerType === 'pen') this.palm.notePen(event.timeStamp, true);
    if (this.palm.rejects(event.pointerType, event.timeStamp)) return;
    const target = this.target;
    const element = this.element;
    if (!target?.begin || !element || target.viewport.scale === 0) return;
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    if (this.active) {
      // A pen arriving while a finger draws: the finger was the palm.
      if (event.pointerType !== 'pen' || this.active.pointerType !== 'touch') return;
      this.active.gesture.discard();
      this.release();
    }
    event.preventDefault();
    element.setPointerCapture(event.pointerId);
    const gesture = target.begin();
    this.active = {
      gesture,
      pointerId: event.pointerId,
      pointerType: event.pointerType,
      startedAt: event.timeStamp,
    };
    gesture.add([this.sample(event, event.timeStamp)]);
    this.frameRequest = requestAnimationFrame(this.onFrame);
  };

  private readonly onMove = (event: PointerEvent): void => {
    if (event.pointerType === 'pen') this.palm.notePen(event.timeStamp, event.buttons !== 0);
    if (this.palm.rejects(event.pointerType, event.timeStamp)) return;
    this.target?.onCursor(this.boardPosition(event));
    const active = this.active;
    if (!active || event.pointerId !== active.pointerId) return;
    // Older Safari has no coalesced events; the event itself is then the only sample.
    const coalesced = 'getCoalescedEvents' in event ? event.getCoalescedEvents() : [];
    const events = coalesced.length > 0 ? coalesced : [event];
    active.gesture.add(events.map((e) => this.sample(e, active.startedAt)));
  };

  private readonly onUp = (event: PointerEvent): void => {
    if (event.pointerType === 'pen') this.palm.notePen(event.timeStamp, false);
    if (this.active?.pointerId === event.pointerId) this.finish();
  };

  private readonly onLeave = (): void => {
    if (!this.active) this.target?.onCursor(null);
  };

  private readonly onFrame = (now: number): void => {
    this.frameRequest = null;
    if (!this.active) return;
    if (this.pacer.due(now)) this.active.gesture.frame();
    this.frameRequest = requestAnimationFrame(this.onFrame);
  };

  private finish(): void {
    const active = this.active;
    if (!active) return;
    active.gesture.finish();
    this.release();
  }

  private release(): void {
    if (this.frameRequest !== null) cancelAnimationFrame(this.frameRequest);
    this.frameRequest = null;
    const active = this.active;
    this.active = null;
    if (active && this.element?.hasPointerCapture(active.pointerId)) {
      this.element.releasePointerCapture(active.pointerId);
    }
  }

  private sample(event: PointerEvent, startedAt: number): InputPoint {
    const at = screenToBoard(this.elementPoint(event), this.viewport());
    return { x: at.x, y: at.y, pressure: pressureOf(event), t: event.timeStamp - startedAt };
  }

  /** The pointer's board position, or null when it is outside the board's rectangle. */
  private boardPosition(event: PointerEvent): BoardPoint | null {
    const viewport = this.viewport();
    if (viewport.scale === 0) return null;
    const point = this.elementPoint(event);
    const x = (point.x - viewport.offsetX) / viewport.scale;
    const y = (point.y - viewport.offsetY) / viewport.scale;
    if (x < 0 || y < 0 || x > BOARD_WIDTH || y > BOARD_HEIGHT) return null;
    return screenToBoard(point, viewport);
  }

  private elementPoint(event: PointerEvent) {
    const rect = this.element?.getBoundingClientRect();
    return screenPoint(event.clientX - (rect?.left ?? 0), event.clientY - (rect?.top ?? 0));
  }

  private viewport(): Viewport {
    return this.target?.viewport ?? { scale: 0, offsetX: 0, offsetY: 0 };
  }
}

/**
 * Pen pressure of a sample. A mouse reports 0.5 while a button is down and 0 otherwise, and
 * devices without pressure report 0; all of those draw at {@link DEFAULT_PRESSURE}.
 */
function pressureOf(event: PointerEvent): number {
  if (event.pointerType === 'mouse' || event.pressure <= 0) return DEFAULT_PRESSURE;
  return Math.min(1, event.pressure);
}
