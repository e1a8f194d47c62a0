import type { ReactNode } from 'react';

/** The kinds of tag, each with its own colours in the tokens. */
export type TagTone = 'neutral' | 'accent' | 'success' | 'warning';

/** A small label beside a name: "you", "host", "drawing", "guessed". */
export function Tag({ tone = 'neutral', children }: { tone?: TagTone; children: ReactNode }) {
  return <span className={`tag tag--${tone}`}>{children}</span>;
}
