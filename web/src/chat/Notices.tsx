import type { Notice } from '../room/whispers';

/** The server's private notes to this player: errors as alerts, information as status. */
export function Notices({
  notices,
  onDismiss,
}: {
  notices: readonly Notice[];
  onDismiss: (id: string) => void;
}) {
  return (
    <>
      {notices.map((notice) => (
        <p
          key={notice.id}
          className={`notice notice--${notice.level}`}
          data-testid="notice"
          role={notice.level === 'error' ? 'alert' : 'status'}
        >
          <span>{notice.text}</span>
          <button
            type="button"
            className="notice-dismiss"
            aria-label="Dismiss"
            onClick={() => {
              onDismiss(notice.id);
            }}
          >
            ×
          </button>
        </p>
      ))}
    </>
  );
}
