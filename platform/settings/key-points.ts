// Whether key points may be written by the user's OpenAI-compatible translation provider: asked
// the first time the reader would send an article there for key points, and remembered for that
// address only (a provider moved to another server is asked about again). Kept on this device,
// like the provider's own configuration.
import { defineSetting } from '@/platform/settings/define';

export interface KeyPointsConsent {
  /** The provider's origin the answer is for ("http://localhost:11434"). */
  origin: string;
  /** true: send the article there for key points; false: make them on this device. */
  allow: boolean;
}

export const keyPointsConsentItem = defineSetting<KeyPointsConsent | null>('local:keyPointsProvider', {
  fallback: null,
  version: 1,
  migrations: {},
});

/** The remembered answer for `origin`: true, false, or null when never asked (or asked for another address). */
export async function keyPointsConsent(origin: string): Promise<boolean | null> {
  const stored = await keyPointsConsentItem.getValue();
  return stored && typeof stored === 'object' && stored.origin === origin && typeof stored.allow === 'boolean'
    ? stored.allow
    : null;
}

export function setKeyPointsConsent(origin: string, allow: boolean): Promise<void> {
  return keyPointsConsentItem.setValue({ origin, allow });
}
