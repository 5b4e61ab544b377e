// Pages where an extension cannot run, told apart so the popup can say why in one sentence.

export type Restriction = 'browser' | 'store' | 'pdf' | 'file' | 'other';

const STORES = [
  /^https:\/\/chromewebstore\.google\.com\//,
  /^https:\/\/chrome\.google\.com\/webstore/,
  /^https:\/\/addons\.mozilla\.org\//,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/,
];

/**
 * Why the extension cannot run on `url`, or null when it can. `fileAccess` says whether the
 * user allowed file URLs for this extension.
 */
export function restrictionOf(url: string | undefined, fileAccess = false): Restriction | null {
  if (!url) return 'other';
  if (STORES.some((re) => re.test(url))) return 'store';
  if (
    /^(?:chrome|edge|brave|opera|vivaldi|about|moz-extension|chrome-extension|view-source|devtools|chrome-search|chrome-untrusted|resource|jar):/i.test(
      url,
    )
  )
    return 'browser';
  if (/^file:/i.test(url)) {
    if (/\.pdf(?:[?#]|$)/i.test(url)) return 'pdf';
    return fileAccess ? null : 'file';
  }
  if (/^https?:/i.test(url)) return /\.pdf(?:[?#]|$)/i.test(url) ? 'pdf' : null;
  return 'other';
}
