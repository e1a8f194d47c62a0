/**
 * A value that changes over time and tells its subscribers. The room's live state (presence,
 * chat, strokes, connection) lives in stores outside React; components read them with
 * {@link useStore}, so React re-renders exactly the parts whose store changed.
 */
export class Store<T> {
  private value: T;
  private readonly listeners = new Set<() => void>();

  constructor(initial: T) {
    this.value = initial;
  }

  /** The current value; the same object until the next {@link set}. */
  readonly get = (): T => this.value;

  /** Replaces the value and notifies subscribers when it differs. */
  set(next: T): void {
    if (Object.is(next, this.value)) return;
    this.value = next;
    for (const listener of [...this.listeners]) listener();
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
}

/**
 * Keeps `store` equal to `read()`: reads once now and again whenever `watch` reports a
 * change. Returns the function that stops watching.
 */
export function follow<T>(
  store: Store<T>,
  read: () => T,
  watch: (onChange: () => void) => () => void,
): () => void {
  store.set(read());
  return watch(() => {
    store.set(read());
  });
}
