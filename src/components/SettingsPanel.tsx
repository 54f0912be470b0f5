import { useId } from 'react';
import { FONTS, TEXT_SIZES, THEMES, WIDTHS, type ReadingSettings } from '../lib/settings';

/** Reading settings as four radio groups; every change applies at once. */

const LABELS = {
  size: { s: 'Small', m: 'Medium', l: 'Large', xl: 'Extra large' },
  width: { narrow: 'Narrow', normal: 'Normal', wide: 'Wide' },
  font: { serif: 'Serif', sans: 'Sans-serif' },
  theme: { system: 'Match system', light: 'Light', dark: 'Dark', sepia: 'Sepia' },
} as const;

function Choice<K extends keyof ReadingSettings>({
  name,
  legend,
  values,
  settings,
  onChange,
}: {
  name: K;
  legend: string;
  values: readonly ReadingSettings[K][];
  settings: ReadingSettings;
  onChange: (next: ReadingSettings) => void;
}) {
  const group = useId();
  const labels = LABELS[name] as Record<string, string>;
  return (
    <fieldset className="settings-group">
      <legend>{legend}</legend>
      <div className="segmented">
        {values.map((value) => (
          <label key={value}>
            <input
              type="radio"
              name={group}
              value={value}
              checked={settings[name] === value}
              onChange={() => onChange({ ...settings, [name]: value })}
            />
            <span>{labels[value]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function SettingsPanel({
  settings,
  onChange,
  saved,
}: {
  settings: ReadingSettings;
  onChange: (next: ReadingSettings) => void;
  saved: boolean;
}) {
  return (
    <div className="settings-panel">
      <Choice name="theme" legend="Theme" values={THEMES} settings={settings} onChange={onChange} />
      <Choice
        name="size"
        legend="Text size"
        values={TEXT_SIZES}
        settings={settings}
        onChange={onChange}
      />
      <Choice
        name="width"
        legend="Line width"
        values={WIDTHS}
        settings={settings}
        onChange={onChange}
      />
      <Choice name="font" legend="Font" values={FONTS} settings={settings} onChange={onChange} />
      {saved ? null : (
        <p className="hint">
          This browser is not saving settings (storage is off or full); they last until you close
          the tab.
        </p>
      )}
    </div>
  );
}
