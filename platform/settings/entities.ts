// Remembered highlight choices: whether highlights are on and which groups are shown. Synced with
// the browser profile like the typography default; the popup, the reader and the library follow
// changes live through `watchHighlightSettings`.
import { defineSetting } from '@/platform/settings/define';
import { ENTITY_GROUPS, type EntityGroup } from '@/lib/entities/types';

export interface HighlightSettings {
  on: boolean;
  groups: EntityGroup[];
}

export const DEFAULT_HIGHLIGHTS: HighlightSettings = { on: false, groups: ['person', 'org', 'place', 'datetime', 'amount'] };

/** A stored value made safe: unknown groups dropped, order fixed, defaults for what is missing. */
export function normalizeHighlightSettings(value: Partial<HighlightSettings> | null | undefined): HighlightSettings {
  const groups = Array.isArray(value?.groups)
    ? ENTITY_GROUPS.filter((g) => value.groups!.includes(g))
    : DEFAULT_HIGHLIGHTS.groups;
  return { on: typeof value?.on === 'boolean' ? value.on : DEFAULT_HIGHLIGHTS.on, groups };
}

// Version 1: the shape stored since highlights first shipped. Unknown groups (from a newer release
// on another device) are dropped on every read by normalizeHighlightSettings, not migrated.
export const highlightSettings = defineSetting<HighlightSettings>('sync:entityHighlights', {
  fallback: DEFAULT_HIGHLIGHTS,
  version: 1,
  migrations: {},
});

export async function loadHighlightSettings(): Promise<HighlightSettings> {
  return normalizeHighlightSettings(await highlightSettings.getValue());
}

export async function saveHighlightSettings(value: HighlightSettings): Promise<void> {
  await highlightSettings.setValue(normalizeHighlightSettings(value));
}

/** Turns one group on or off and remembers it. */
export async function setGroupEnabled(group: EntityGroup, enabled: boolean): Promise<HighlightSettings> {
  const current = await loadHighlightSettings();
  const groups = enabled ? [...current.groups, group] : current.groups.filter((g) => g !== group);
  const next = normalizeHighlightSettings({ ...current, groups });
  await saveHighlightSettings(next);
  return next;
}

export function watchHighlightSettings(onChange: (value: HighlightSettings) => void): () => void {
  return highlightSettings.watch((value) => onChange(normalizeHighlightSettings(value)));
}
