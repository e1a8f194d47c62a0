import { Icon, type IconName } from '../ui/Icon';
import type { Tool } from './tools';

const TOOLS: ReadonlyArray<{ tool: Tool; label: string; key: string; icon: IconName }> = [
  { tool: 'brush', label: 'Brush', key: 'B', icon: 'brush' },
  { tool: 'eraser', label: 'Eraser', key: 'E', icon: 'eraser' },
];

/** Brush or stroke eraser, as a radio group (B and E switch too). */
export function ToolPicker({ tool, onChange }: { tool: Tool; onChange: (tool: Tool) => void }) {
  return (
    <fieldset className="tool-group">
      <legend className="visually-hidden">Tool</legend>
      {TOOLS.map((entry) => (
        <label
          key={entry.tool}
          className="tool-option"
          title={`${entry.label} (${entry.key})`}
          data-testid={`tool-${entry.tool}`}
        >
          <input
            type="radio"
            name="tool"
            className="visually-hidden"
            checked={tool === entry.tool}
            aria-keyshortcuts={entry.key}
            onChange={() => {
              onChange(entry.tool);
            }}
          />
          <Icon name={entry.icon} />
          <span className="tool-label">{entry.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
