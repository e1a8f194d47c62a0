/**
 * After the last pen event, touches are ignored for this long: a pen hovering or just
 * lifted means the hand is resting on the screen.
 */
export const PEN_GRACE_MS = 1000;

/**
 * Palm rejection: while a pen is in use (down, hovering, or lifted less than
 * {@link PEN_GRACE_MS} ago), touches are ignored. Times are event timestamps, passed in.
 */
export class PalmRejection {
  private lastPenAt = -Infinity;
  private penDown = false;

  /** Records a pen event (`down`: the tip touches the screen). */
  notePen(timeStamp: number, down: boolean): void {
    this.lastPenAt = timeStamp;
    this.penDown = down;
  }

  /** Whether an event of this pointer type at this time is a palm to ignore. */
  rejects(pointerType: string, timeStamp: number): boolean {
    if (pointerType !== 'touch') return false;
    return this.penDown || timeStamp - this.lastPenAt < PEN_GRACE_MS;
  }
}
