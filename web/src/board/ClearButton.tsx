import { useState } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Icon } from '../ui/Icon';

/**
 * Clears the board after a confirmation: on a turn's canvas the drawer removes everything,
 * on the lobby board a player removes their own strokes (only a turn's drawer may remove
 * others', SPEC V6).
 */
export function ClearButton({
  everything,
  disabled,
  onClear,
}: {
  everything: boolean;
  disabled: boolean;
  onClear: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const label = everything ? 'Clear the board' : 'Clear my strokes';
  return (
    <>
      <button
        type="button"
        className="button button--small button--icon"
        data-testid="clear"
        title={label}
        aria-label={label}
        disabled={disabled}
        onClick={() => {
          setAsking(true);
        }}
      >
        <Icon name="trash" />
      </button>
      <ConfirmDialog
        open={asking}
        title={everything ? 'Clear the whole board?' : 'Clear your strokes?'}
        confirmLabel="Clear"
        onCancel={() => {
          setAsking(false);
        }}
        onConfirm={() => {
          setAsking(false);
          onClear();
        }}
      >
        <p>
          {everything
            ? 'Every stroke on the board goes, for everyone.'
            : 'Every stroke you drew on this board goes; other players’ drawings stay.'}
        </p>
      </ConfirmDialog>
    </>
  );
}
