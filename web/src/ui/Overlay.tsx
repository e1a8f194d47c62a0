import type { ReactNode } from 'react';

/**
 * A card over the board between turns: word choice, turn end, the podium. It is a live
 * region, so screen readers hear what happened without moving focus.
 */
export function Overlay({
  title,
  testId,
  children,
}: {
  title: ReactNode;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <div className="overlay" data-testid={testId}>
      <div className="overlay-card" role="status" aria-live="polite">
        <h2 className="overlay-title">{title}</h2>
        {children}
      </div>
    </div>
  );
}
