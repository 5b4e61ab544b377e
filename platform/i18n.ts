// Every UI string goes through the browser's i18n catalogue (public/_locales/{en,ko}).
import { browser } from 'wxt/browser';
import type en from '@/public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const message = browser.i18n.getMessage(key, substitutions.map(String));
  return message || key;
}

/** The browser's UI language, e.g. "ko" or "en-US". */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage?.() || navigator.language || 'en';
}

// One formatter per UI language: the reader's language list is drawn again at every progress step.
const displayNames = new Map<string, Intl.DisplayNames>();

/** "Korean" / "한국어" for "ko", in the UI language; the code itself when unknown. */
export function languageName(code: string | null | undefined): string | null {
  if (!code) return null;
  try {
    const ui = uiLanguage();
    let names = displayNames.get(ui);
    if (!names) displayNames.set(ui, (names = new Intl.DisplayNames([ui], { type: 'language' })));
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** One formatter per UI language: making one costs milliseconds (the reader's view formats its date on every render). */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const ui = uiLanguage();
  let format = dateFormats.get(ui);
  if (!format) dateFormats.set(ui, (format = new Intl.DateTimeFormat(ui, { dateStyle: 'long', timeStyle: 'short' })));
  return format.format(date);
}

export function formatShortDate(epochMs: number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium' }).format(new Date(epochMs));
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(uiLanguage(), { maximumFractionDigits: value < 10 && unit ? 1 : 0 }).format(value)} ${units[unit]}`;
}
