import { useCallback, useState } from 'react';
import { loadSettings, saveSettings, type ReadingSettings } from '../lib/settings';

/** The reading settings, and a setter that applies and persists them at once. */
export function useSettings(): [ReadingSettings, (next: ReadingSettings) => void, boolean] {
  const [settings, setSettings] = useState(loadSettings);
  const [saved, setSaved] = useState(true);
  const update = useCallback((next: ReadingSettings) => {
    setSettings(next);
    setSaved(saveSettings(next));
  }, []);
  return [settings, update, saved];
}
