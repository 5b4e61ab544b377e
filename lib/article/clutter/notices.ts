// Family "notices": the legal and editorial small print a page appends to a story: copyright and
// "no redistribution" lines, tip-off and contact notices, affiliate disclosures, cookie notices and
// end-of-story markers. Each is judged by its wording as a whole line, never inside news prose.
import {
  AFFILIATE_HINT,
  AFFILIATE_NOTICE,
  COOKIE_HINT,
  COOKIE_NOTICE,
  COOKIE_PAGE_HINT,
  COPYRIGHT_HINT,
  COPYRIGHT_SIGN,
  COPYRIGHT_WORDS,
  END_MARKER,
  MEDIA_FALLBACK,
  MEDIA_FALLBACK_HINT,
  TIP_OFF,
  TIP_OFF_NOTICE,
} from '@/lib/article/clutter/data';
import type { ClutterRule } from '@/lib/article/clutter/engine';
import { shortLineRule } from '@/lib/article/clutter/short-lines';
import { looksLikeProse } from '@/lib/article/clutter/text-tests';

/**
 * A copyright or "no redistribution" notice, not prose about copyright. Notice wording counts
 * unless the line is a Korean sentence in news prose ("…'무단 전재 금지' 문구를 붙였다."); English
 * notices are often whole sentences ("This material may not be … redistributed."), so there the
 * wording alone decides.
 */
function isCopyrightNotice(text: string): boolean {
  if (COPYRIGHT_WORDS.test(text)) return !/[가-힣]/.test(text) || !looksLikeProse(text);
  return COPYRIGHT_SIGN.test(text) && !looksLikeProse(text);
}

export const copyrightLine: ClutterRule = {
  ...shortLineRule(
    'copyright-line',
    'notices',
    'Copyright and "no redistribution" notices ("무단 전재 및 재배포 금지", "© 2024 …", "All rights reserved"): short lines with the notice wording, not prose about copyright.',
    isCopyrightNotice,
    200,
    { prose: true },
  ),
  hint: COPYRIGHT_HINT,
};

export const tipOff = shortLineRule(
  'tip-off',
  'notices',
  'Tip-off and contact notices appended to stories ("기사문의 및 제보 : 카톡/라인 …", "당신의 제보가 뉴스가 됩니다", "Send us a tip", "Have a tip? … may be reached at …", "Reach the reporters on Twitter at …"): notice wording, not news prose.',
  (text) => TIP_OFF.test(text) && (TIP_OFF_NOTICE.test(text) || !looksLikeProse(text)),
  200,
  { prose: true },
);

export const endMarker = shortLineRule(
  'end-marker',
  'notices',
  'End-of-story markers and lone separators ("(끝)", "<끝>", "-END-", "■"): the whole text is the marker (a "___" rule between sections is the story\'s own).',
  END_MARKER,
  12,
  { prose: true, notIn: 'td, th' },
);

export const cookieNotice: ClutterRule = {
  ...shortLineRule(
    'cookie-notice',
    'notices',
    'Cookie notices ("This website uses cookies…", "Accept cookies"): consent wording, not news prose.',
    (text) => COOKIE_HINT.test(text) && COOKIE_NOTICE.test(text),
    500,
    { prose: true },
  ),
  hint: COOKIE_PAGE_HINT,
};

/**
 * What a page shows in place of a player or an embed: a player's fallback text (inside a `<video>`
 * or `<audio>` a browser that plays it never shows; the element and its sources stay) and
 * placeholder lines ("Your browser does not support the video tag", "This content is blocked until
 * you accept …", in several languages).
 */
export const mediaFallback: ClutterRule = {
  id: 'media-fallback',
  family: 'notices',
  why: 'A player\'s fallback text and an embed\'s placeholder ("Your browser does not support the video tag", "브라우저가 video 태그를 지원하지 않습니다", "This content is blocked until you accept …"): never the story.',
  apply(root, run) {
    let removed = 0;
    for (const player of root.querySelectorAll('video, audio')) {
      for (const child of [...player.childNodes]) {
        if (child.nodeType === 1 && /^(?:SOURCE|TRACK)$/.test((child as Element).tagName)) continue;
        if (!run.memo.text(child) && child.nodeType !== 1) continue;
        run.drop(child, 'fallback content inside a player');
        removed++;
      }
    }
    return removed + (run.mentions(root, MEDIA_FALLBACK_HINT) ? placeholderLines.apply(root, run) : 0);
  },
};

const placeholderLines = shortLineRule('media-fallback', 'notices', '', MEDIA_FALLBACK, 300, { prose: true });

export const affiliateNotice: ClutterRule = {
  ...shortLineRule(
    'affiliate-notice',
    'notices',
    'Affiliate and referral disclosures ("This post may contain affiliate links…", "… may earn an affiliate commission …").',
    AFFILIATE_NOTICE,
    250,
    { prose: true },
  ),
  hint: AFFILIATE_HINT,
};
