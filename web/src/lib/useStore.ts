import { useSyncExternalStore } from 'react';
import type { Store } from './Store';

/** Reads a store and re-renders the component when it changes. */
export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}
