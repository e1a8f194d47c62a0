import { useId, type ReactNode } from 'react';

/** A titled section of the room's side columns: players, chat, the lobby's settings. */
export function Panel({
  title,
  count,
  className = '',
  actions,
  children,
}: {
  title: string;
  count?: number;
  className?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className={`panel ${className}`} aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId} className="panel-title">
          {title} {count !== undefined && <span className="count">{count}</span>}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
