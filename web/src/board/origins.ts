/**
 * The origin of every transaction in which the web app draws, erases its own strokes, or
 * undoes: the per-player undo manager tracks exactly this origin.
 */
export const WEB_ORIGIN = { source: 'web' } as const;
