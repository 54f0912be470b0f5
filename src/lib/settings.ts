import { isRecord, readStored, writeStored } from './storage';

/**
 * Reading settings. Stored under `essays:v1:settings` and applied as `data-*` attributes on
 * <html>; `public/boot-settings.js` applies the same attributes before first paint, so the
 * page never flashes the defaults. Keep the two in step (a unit test checks they agree).
 */

export const SETTINGS_KEY = 'settings';

export const TEXT_SIZES = ['s', 'm', 'l', 'xl'] as const;
export const WIDTHS = ['narrow', 'normal', 'wide'] as const;
export const FONTS = ['serif', 'sans'] as const;
export const THEMES = ['system', 'light', 'dark', 'sepia'] as const;

export interface ReadingSettings {
  size: (typeof TEXT_SIZES)[number];
  width: (typeof WIDTHS)[number];
  font: (typeof FONTS)[number];
  /** `system` follows prefers-color-scheme until the reader picks one. */
  theme: (typeof THEMES)[number];
}

export const DEFAULT_SETTINGS: ReadingSettings = {
  size: 'm',
  width: 'normal',
  font: 'serif',
  theme: 'system',
};

function oneOf<T extends string>(values: readonly T[], x: unknown, fallback: T): T {
  return typeof x === 'string' && (values as readonly string[]).includes(x) ? (x as T) : fallback;
}

/** Unknown fields are ignored and bad values fall back one by one: a typo loses one setting, not all. */
export function parseSettings(raw: unknown): ReadingSettings | null {
  if (!isRecord(raw)) return null;
  return {
    size: oneOf(TEXT_SIZES, raw.size, DEFAULT_SETTINGS.size),
    width: oneOf(WIDTHS, raw.width, DEFAULT_SETTINGS.width),
    font: oneOf(FONTS, raw.font, DEFAULT_SETTINGS.font),
    theme: oneOf(THEMES, raw.theme, DEFAULT_SETTINGS.theme),
  };
}

export function loadSettings(): ReadingSettings {
  return readStored(SETTINGS_KEY, parseSettings) ?? DEFAULT_SETTINGS;
}

export function applySettings(
  settings: ReadingSettings,
  root: HTMLElement = document.documentElement,
): void {
  root.dataset.size = settings.size;
  root.dataset.width = settings.width;
  root.dataset.font = settings.font;
  root.dataset.theme = settings.theme;
}

export function saveSettings(settings: ReadingSettings): boolean {
  applySettings(settings);
  return writeStored(SETTINGS_KEY, settings);
}
