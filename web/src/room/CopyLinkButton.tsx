import { useEffect, useState } from 'react';

/** How long "Copied" stays before the button reads "Copy" again. */
const CONFIRM_MS = 2000;

/** Writes text to the clipboard; the fallback covers plain-http LAN addresses. */
async function copyText(text: string): Promise<void> {
  // The clipboard API exists only on https and localhost.
  if (window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.className = 'visually-hidden';
  document.body.append(field);
  field.select();
  const copied = document.execCommand('copy');
  field.remove();
  if (!copied) throw new Error('copy refused');
}

/** Copies a link (the room's invite, a replay's share link) to send to friends. */
export function CopyLinkButton({ url, testId = 'copy-invite' }: { url: string; testId?: string }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');

  useEffect(() => {
    if (copied === 'no') return undefined;
    const timer = setTimeout(() => {
      setCopied('no');
    }, CONFIRM_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [copied]);

  return (
    <button
      type="button"
      className="button button--small"
      data-testid={testId}
      aria-live="polite"
      onClick={() => {
        copyText(url).then(
          () => {
            setCopied('yes');
          },
          () => {
            setCopied('failed');
          },
        );
      }}
    >
      {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Copy failed' : 'Copy'}
    </button>
  );
}
