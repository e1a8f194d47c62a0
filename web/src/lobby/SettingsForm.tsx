import { useId } from 'react';
import {
  LANGUAGES,
  applySettingsPatch,
  type Language,
  type PublicSettings,
  type RoomSettings,
  type SettingsPatch,
} from '@scrawl/protocol';
import { CustomWords } from './CustomWords';
import { NumberSetting } from './NumberSetting';
import { LANGUAGE_NAMES, NUMBER_FIELDS, TOGGLE_FIELDS, describeSetting } from './settingFields';

/**
 * The host's settings form: every room setting, within the referee's bounds. `wordsPending`:
 * the room has custom words the referee has not told this host yet.
 */
export function SettingsForm({
  settings,
  wordsPending,
  onPatch,
}: {
  settings: RoomSettings;
  wordsPending: boolean;
  onPatch: (patch: SettingsPatch) => void;
}) {
  const languageId = useId();
  return (
    <form
      className="settings"
      data-testid="settings"
      onSubmit={(event) => {
        event.preventDefault();
      }}
    >
      <div className="settings-grid">
        {NUMBER_FIELDS.map((field) => (
          <NumberSetting
            key={field.key}
            name={field.key}
            label={field.label}
            unit={field.unit}
            step={field.step}
            value={settings[field.key]}
            onCommit={(value) => {
              onPatch({ [field.key]: value });
            }}
          />
        ))}
        <div className="setting">
          <label htmlFor={languageId} className="label">
            Words in
          </label>
          <select
            id={languageId}
            className="input"
            data-testid="setting-language"
            value={settings.language}
            onChange={(event) => {
              const language = LANGUAGES.find((l) => l === event.target.value);
              if (language) onPatch({ language });
            }}
          >
            {LANGUAGES.map((language: Language) => (
              <option key={language} value={language}>
                {LANGUAGE_NAMES[language]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <CustomWords
        settings={settings}
        pending={wordsPending}
        onCommit={(customWords) => {
          onPatch({ customWords });
        }}
      />
      {TOGGLE_FIELDS.map((field) => {
        const allowed =
          !wordsPending && applySettingsPatch(settings, { [field.key]: !settings[field.key] }).ok;
        return (
          <label key={field.key} className="checkbox">
            <input
              type="checkbox"
              data-testid={`setting-${field.key}`}
              checked={settings[field.key]}
              disabled={!allowed && !settings[field.key]}
              onChange={(event) => {
                onPatch({ [field.key]: event.target.checked });
              }}
            />
            <span>{field.label}</span>
          </label>
        );
      })}
    </form>
  );
}

/** The settings as everyone but the host sees them (the custom words only counted). */
export function SettingsSummary({ settings }: { settings: PublicSettings }) {
  const rows: Array<{ label: string; key: keyof PublicSettings }> = [
    ...NUMBER_FIELDS.map(({ key, label }) => ({ key, label })),
    { key: 'language', label: 'Words in' },
    { key: 'customWordCount', label: 'Custom words' },
    ...TOGGLE_FIELDS.map(({ key, label }) => ({ key, label })),
  ];
  return (
    <dl className="settings-summary" data-testid="settings-summary">
      {rows.map((row) => (
        <div key={row.key} className="settings-row">
          <dt>{row.label}</dt>
          <dd>{describeSetting(settings, row.key)}</dd>
        </div>
      ))}
    </dl>
  );
}
