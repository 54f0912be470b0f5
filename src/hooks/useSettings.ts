import { useCallback, useState } from 'react';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  saveSettings,
  type ReadingSettings,
} from '../lib/settings';
import { useHydrated } from './useHydrated';

/** The reading settings, and a setter that applies and persists them at once. */
export function useSettings(): [ReadingSettings, (next: ReadingSettings) => void, boolean] {
  const [settings, setSettings] = useState(loadSettings);
  const [saved, setSaved] = useState(true);
  // The page itself got the saved settings before first paint (public/boot-settings.js);
  // the controls show them once hydrated.
  const hydrated = useHydrated();
  const update = useCallback((next: ReadingSettings) => {
    setSettings(next);
    setSaved(saveSettings(next));
  }, []);
  return [hydrated ? settings : DEFAULT_SETTINGS, update, saved];
}
