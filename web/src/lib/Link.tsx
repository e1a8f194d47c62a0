import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from './useRoute';

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { readonly href: string };

/**
 * An in-app link: a real `<a href>` (open in new tab works) that navigates without reload.
 * With `target="_blank"` it opens a new tab, as any link does.
 */
export function Link({ href, onClick, ...rest }: LinkProps) {
  function follow(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
    const newTab = event.currentTarget.target === '_blank';
    if (event.defaultPrevented || event.button !== 0 || modified || newTab) return;
    event.preventDefault();
    navigate(href);
  }
  return <a href={href} onClick={follow} {...rest} />;
}
