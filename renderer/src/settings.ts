import { useSyncExternalStore } from 'react';

/**
 * The reader's preferences, kept in localStorage: the UI language (overriding the browser's), the
 * theme and the reader's typography. Read and changed from anywhere through one small store.
 */
export const THEMES = ['system', 'light', 'sepia', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
/**
 * "auto" (the system's languages) or a language's code. Which languages exist is known from the
 * locale files (i18n/), which fall back to "auto" for a code they lack.
 */
export type UiLanguage = string;
const LANGUAGE_CHOICE = /^(?:auto|[a-z]{2,3})$/;
export const FONTS = ['serif', 'sans'] as const;
export const LINE_WIDTHS = ['narrow', 'medium', 'wide'] as const;
export const LINE_HEIGHTS = ['compact', 'normal', 'loose'] as const;
export const FONT_SIZES = [15, 16, 17, 18, 19, 20, 22, 24, 26, 28] as const;

export interface Settings {
  theme: Theme;
  language: UiLanguage;
  font: (typeof FONTS)[number];
  fontSize: (typeof FONT_SIZES)[number];
  lineWidth: (typeof LINE_WIDTHS)[number];
  lineHeight: (typeof LINE_HEIGHTS)[number];
  /** Text only: articles are asked for without their images (a slow or costly link); `?lite` in the address sets it. */
  textOnly: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  language: 'auto',
  font: 'serif',
  fontSize: 19,
  lineWidth: 'medium',
  lineHeight: 'normal',
  textOnly: false,
};

export const STORAGE_KEY = 'archive-reader.settings';

const oneOf = <T>(values: readonly T[], value: unknown, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;

/** Settings from stored JSON, any missing or unknown value replaced by its default. */
export function readSettings(stored: string | null): Settings {
  let raw: Partial<Record<keyof Settings, unknown>> = {};
  try {
    const parsed: unknown = stored ? JSON.parse(stored) : {};
    if (parsed && typeof parsed === 'object') raw = parsed as typeof raw;
  } catch {
    // A damaged value is as good as none.
  }
  const d = DEFAULT_SETTINGS;
  return {
    theme: oneOf(THEMES, raw.theme, d.theme),
    language: typeof raw.language === 'string' && LANGUAGE_CHOICE.test(raw.language) ? raw.language : d.language,
    font: oneOf(FONTS, raw.font, d.font),
    fontSize: oneOf(FONT_SIZES, raw.fontSize, d.fontSize),
    lineWidth: oneOf(LINE_WIDTHS, raw.lineWidth, d.lineWidth),
    lineHeight: oneOf(LINE_HEIGHTS, raw.lineHeight, d.lineHeight),
    textOnly: typeof raw.textOnly === 'boolean' ? raw.textOnly : d.textOnly,
  };
}

function load(): Settings {
  try {
    return readSettings(localStorage.getItem(STORAGE_KEY));
  } catch {
    return DEFAULT_SETTINGS;
  }
}

let current: Settings = typeof localStorage === 'undefined' ? DEFAULT_SETTINGS : load();
const listeners = new Set<() => void>();

export function getSettings(): Settings {
  return current;
}

export function updateSettings(change: Partial<Settings>): void {
  current = { ...current, ...change };
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(current));
  } catch {
    // Private windows may refuse storage; the change still holds until the page closes.
  }
  for (const listener of listeners) listener();
}

export function subscribeSettings(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSettings(): Settings {
  return useSyncExternalStore(subscribeSettings, getSettings);
}

/** The theme actually shown: "system" follows the operating system's light or dark mode. */
export function resolvedTheme(theme: Theme, prefersDark: boolean): Exclude<Theme, 'system'> {
  return theme === 'system' ? (prefersDark ? 'dark' : 'light') : theme;
}

/** Keeps <html data-theme> in step with the setting and, for "system", with the OS. */
export function applyTheme(): void {
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    const theme = resolvedTheme(current.theme, media.matches);
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme === 'dark' ? 'dark' : 'light';
  };
  apply();
  media.addEventListener('change', apply);
  subscribeSettings(apply);
}

/** CSS values of the typography settings. */
export const LINE_WIDTH_CH: Record<Settings['lineWidth'], number> = { narrow: 56, medium: 68, wide: 84 };
export const LINE_HEIGHT_VALUE: Record<Settings['lineHeight'], number> = { compact: 1.45, normal: 1.7, loose: 1.95 };
