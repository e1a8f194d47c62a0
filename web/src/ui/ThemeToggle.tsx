import { nextTheme, setTheme, useTheme, type Theme } from '../lib/theme';
import { Icon, type IconName } from './Icon';

const LABELS: Record<Theme, { icon: IconName; text: string }> = {
  system: { icon: 'system', text: 'Theme: as the system' },
  light: { icon: 'sun', text: 'Theme: light' },
  dark: { icon: 'moon', text: 'Theme: dark' },
};

/** Cycles the colour theme: as the system, light, dark. */
export function ThemeToggle() {
  const theme = useTheme();
  const { icon, text } = LABELS[theme];
  return (
    <button
      type="button"
      className="button button--small button--icon"
      data-testid="theme-toggle"
      title={`${text} (click to change)`}
      aria-label={`${text}. Change theme`}
      onClick={() => {
        setTheme(nextTheme(theme));
      }}
    >
      <Icon name={icon} />
    </button>
  );
}
