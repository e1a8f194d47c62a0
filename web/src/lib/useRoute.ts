import { useMemo, useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './routes';

/** Fired on `window` after {@link navigate} changes the URL (pushState fires no event). */
const NAVIGATE_EVENT = 'scrawl:navigate';

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATE_EVENT, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATE_EVENT, listener);
  };
}

function currentPath(): string {
  return window.location.pathname;
}

/** Moves to another page of the app without reloading it (`path` may carry a query). */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** The page the URL points at; changes on navigation and on the back and forward buttons. */
export function useRoute(): Route {
  const path = useSyncExternalStore(subscribe, currentPath);
  return useMemo(() => parseRoute(path), [path]);
}
