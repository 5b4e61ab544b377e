// Remembered highlight choices: whether highlights are on and which groups are shown. Synced with
// the browser profile like the typography default; the popup, the reader and the library follow
// changes live through `watchHighlightSettings`.
import { defineSetting } from '@/platform/settings/define';
import { CONFIDENT, UNSURE } from '@/lib/entities/confidence';
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

// "Show less certain ones too": names below the confidence shipped (lib/entities/confidence.ts) are
// marked and listed as well. Version 1: a boolean since it first shipped.
export const uncertainEntitiesItem = defineSetting<boolean>('sync:entityUncertain', {
  fallback: false,
  version: 1,
  migrations: {},
});

/** The lowest confidence of a name the reader shows, as the user chose. */
export async function minEntityConfidence(): Promise<number> {
  return (await uncertainEntitiesItem.getValue()) === true ? UNSURE : CONFIDENT;
}

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
