import { useId } from 'react';
import { CopyLinkButton } from '../room/CopyLinkButton';

/** The room's invite link, to select or copy. */
export function InviteLink({ url }: { url: string }) {
  const id = useId();
  return (
    <div className="invite">
      <label htmlFor={id} className="label">
        Invite link
      </label>
      <div className="invite-row">
        <input
          id={id}
          className="input input--link"
          data-testid="invite-link"
          value={url}
          readOnly
          onFocus={(event) => {
            event.target.select();
          }}
        />
        <CopyLinkButton url={url} />
      </div>
    </div>
  );
}
