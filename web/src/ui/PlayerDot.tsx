/** A player's colour as a dot; the name beside it says who it is. */
export function PlayerDot({ color, size = 'md' }: { color: string; size?: 'md' | 'lg' }) {
  return (
    <span
      className={`player-dot player-dot--${size}`}
      style={{ backgroundColor: color }}
      aria-hidden
    />
  );
}
