// Portal clutter rules: general patterns, by structure and wording in several languages, never
// keyed to one site. Each rule says what it removes and why that is safe. They run before
// Readability on a clone of the page (so its scoring is not misled) and again on its result.

export interface ClutterRule {
  id: string;
  /** What the rule removes and why it cannot take article text with it. */
  why: string;
  /** Removes matches below `root` (never `root` itself) and returns how many nodes went. */
  apply(root: Element): number;
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
const textOf = (el: Node) => norm(el.textContent);

/** Elements that are the article's frame: a rule may empty parts of them, never drop them. */
const FRAME = /^(?:HTML|BODY|MAIN|ARTICLE)$/;

function removable(el: Element, root: Element): boolean {
  return el !== root && root.contains(el) && !FRAME.test(el.tagName) && !el.contains(root);
}

/**
 * Removes the outermost element whose whole text is at most `maxLen` characters and matches
 * `pattern` (so a widget goes with its buttons), and short stray text nodes that match when no
 * element holds them alone. Matching is on whole short texts only: a long paragraph that
 * mentions the same words is article text and is never touched.
 */
function removeShortMatches(root: Element, pattern: RegExp, maxLen: number): number {
  let removed = 0;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!removable(el, root)) continue;
    const text = textOf(el);
    if (!text || text.length > maxLen || !pattern.test(text)) continue;
    if (el.querySelector('img, video, picture, iframe') && text.length < 2) continue;
    el.remove();
    removed++;
  }
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const stray: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = norm(n.textContent);
    if (text && text.length <= maxLen && pattern.test(text)) stray.push(n as Text);
  }
  for (const t of stray) {
    const next = t.nextSibling as Element | null;
    if (next?.tagName === 'BR') next.remove();
    t.remove();
    removed++;
  }
  return removed;
}

function shortTextRule(id: string, why: string, pattern: RegExp, maxLen: number): ClutterRule {
  return { id, why, apply: (root) => removeShortMatches(root, pattern, maxLen) };
}

/** Share of an element's text inside links. */
function linkShare(el: Element): number {
  const total = textOf(el).length;
  if (!total) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += textOf(a).length;
  return linked / total;
}

const SHARE_WORDS = new Set(
  `공유 공유하기 좋아요 싫어요 추천 추천하기 스크랩 인쇄 프린트 페이스북 트위터 카카오톡 카카오스토리 카카오 밴드 네이버 블로그
  링크복사 링크 복사 url 닫기 메일 이메일 보내기 댓글 sns 엑스 x 공감 화나요 슬퍼요 후속기사 원해요 기사 저장 북마크
  share shares sharing like likes tweet print email e-mail mail copy link facebook twitter linkedin whatsapp reddit pinterest
  telegram line save bookmark comments comment flipboard messenger 0 1 2 3 4 5 6 7 8 9`
    .split(/\s+/)
    .filter(Boolean),
);
const SHARE_HOSTS = /facebook\.com\/sharer|twitter\.com\/(?:intent|share)|x\.com\/intent|linkedin\.com\/(?:share|shareArticle)|share\.kakao|story\.kakao\.com\/share|band\.us\/plugin|line\.me\/R\/msg|pinterest\.com\/pin|reddit\.com\/submit|wa\.me\/|api\.whatsapp\.com\/send|t\.me\/share|mailto:\?/i;

/** The words of a short text are all share/like/count words: a share bar, not prose. */
function isShareText(text: string): boolean {
  const words = text.toLowerCase().replace(/[()[\]{}|·•:,/]+/g, ' ').split(/\s+/).filter(Boolean);
  return words.length > 0 && words.every((w) => SHARE_WORDS.has(w) || /^\d+$/.test(w));
}

const RELATED_LABEL =
  /^[[【<〈「(]?\s*(?:[^\]】>〉」)\s]{0,12}\s)?(?:베스트|인기|많이\s*본|가장\s*많이\s*본|관련|추천|주요|화제의|오늘의|이\s*시각\s*(?:주요|인기)|함께\s*(?:보면|볼만한)|다른|최신|실시간)\s*(?:기사|뉴스|포토|영상|콘텐츠)(?:\s*(?:더보기|보기))?\s*[\]】>〉」)]?$|^(?:related|recommended|more|popular|most\s+(?:read|popular|viewed|shared)|trending|top|latest|editor'?s\s+picks?|read\s+(?:more|next|also)|also\s+read|see\s+also|more\s+from\s+\S+(?:\s+\S+)?|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy))(?:\s+(?:articles?|stories|news|posts|reads|videos|coverage|on\s+this\s+topic))?\s*:?$|^(?:関連記事|関連ニュース|おすすめ記事|人気記事|相关新闻|相關新聞|推荐阅读|推薦閱讀|热门文章|熱門文章|延伸閱讀|延伸阅读)$/i;

/**
 * "Related / best / popular articles": a short label that names such a list, with the list.
 * Removes the label's container while the container is mostly links (a list of headlines) or
 * nothing but the label; when the label heads a run of siblings in the last part of the text
 * (portals paste whole unrelated stories after "[… 베스트 기사]"), the label and what follows it
 * in the same parent go, because nothing after such a label belongs to the story.
 */
function removeRelatedLists(root: Element): number {
  let removed = 0;
  const total = textOf(root).length || 1;
  for (const label of Array.from(root.querySelectorAll('*'))) {
    if (!removable(label, root)) continue;
    const text = textOf(label);
    if (!text || text.length > 40 || !RELATED_LABEL.test(text)) continue;
    let box: Element = label;
    while (box.parentElement && removable(box.parentElement, root)) {
      const parent = box.parentElement;
      const rest = textOf(parent).length - text.length;
      if (rest > 0 && linkShare(parent) < 0.5) break;
      box = parent;
    }
    if (box !== label || textOf(box.parentElement ?? box).length === text.length) {
      box.remove();
      removed++;
      continue;
    }
    // A label inside running content: drop it and what follows, if it sits in the last part.
    const before = textBefore(root, label);
    if (before / total < 0.35) continue;
    let next = label.nextSibling;
    label.remove();
    removed++;
    while (next) {
      const after = next.nextSibling;
      next.parentNode?.removeChild(next);
      removed++;
      next = after;
    }
  }
  return removed;
}

/** Characters of text that come before `node` inside `root`. */
function textBefore(root: Element, node: Node): number {
  const range = root.ownerDocument.createRange();
  range.setStart(root, 0);
  range.setEndBefore(node);
  return norm(range.toString()).length;
}

export const CLUTTER_RULES: ClutterRule[] = [
  shortTextRule(
    'font-size-widget',
    'Font-size pickers ("본문 글자 크기 조정", "Text size") with their buttons; their whole text is a short label.',
    /글자\s*크기|글씨\s*크기|본문\s*글자|글꼴\s*(?:크기|선택|변경)|폰트\s*크기|font[\s-]*size|text[\s-]*size|文字サイズ|文字の大きさ|字号|字體大小|字体大小|字級/i,
    80,
  ),
  shortTextRule(
    'translation-widget',
    'Translation pickers and their placeholders ("번역할 언어 선택", "결과물 출력을 준비하고 있어요"); short labels only.',
    /번역할\s*언어|기사\s*번역|언어\s*선택|결과물\s*출력을\s*준비|번역\s*(?:중|하기|보기)|translate\s+(?:this|article|page)|select\s+(?:a\s+)?language|choose\s+(?:a\s+)?language|言語を選択|选择语言|選擇語言/i,
    80,
  ),
  {
    id: 'share-bar',
    why: 'Share, like and print bars: short blocks made only of share words and counts, or of links to share endpoints.',
    apply(root) {
      let removed = 0;
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (!removable(el, root)) continue;
        const text = textOf(el);
        if (text.length > 120) continue;
        const links = Array.from(el.querySelectorAll('a[href]'));
        const shareLinks = links.filter((a) => SHARE_HOSTS.test(a.getAttribute('href') ?? ''));
        const isBar = (text && isShareText(text)) || (shareLinks.length >= 2 && shareLinks.length >= links.length / 2);
        if (!isBar || el.querySelector('p, h1, h2, h3, figure, picture, video')) continue;
        el.remove();
        removed++;
      }
      return removed;
    },
  },
  { id: 'related-lists', why: 'Lists of other stories (best/popular/related) and what portals paste after their label.', apply: removeRelatedLists },
  shortTextRule(
    'copyright-line',
    'Copyright and "no redistribution" lines ("무단 전재 및 재배포 금지", "All rights reserved"): short lines only.',
    /무단\s*(?:전재|복제|배포|사용)|재배포\s*(?:금지|불가)|저작권자\s*[©ⓒ(]|all\s+rights\s+reserved|copyright\s*(?:©|ⓒ|\(c\)|\d{4})|^[©ⓒ]\s*\d{4}|無断転載|転載禁止|禁止转载|版权所有|版權所有|不得转载|不得轉載/i,
    200,
  ),
  shortTextRule(
    'back-to-top',
    '"Top으로 이동" / "Back to top" links: the whole text is the phrase.',
    /^(?:top\s*으로\s*(?:이동|가기)|맨\s*위로(?:\s*가기|\s*이동)?|위로\s*(?:가기|이동)|상단으로(?:\s*이동)?|(?:back|scroll|return|go)\s+to\s+(?:the\s+)?top|top|ページの先頭へ|返回顶部|回到頂部)\s*[↑▲^]?$/i,
    30,
  ),
  shortTextRule(
    'stock-tracker',
    'Stock-tracker and investment-disclaimer boxes ("종목 추적기", "not investment advice"), by their label.',
    /종목\s*추적기|관련\s*종목|투자\s*유의\s*사항|투자\s*권유를?\s*(?:목적|위한)|투자\s*판단의\s*(?:참고|책임)|stock\s*tracker|tickers?\s+(?:in|mentioned\s+in)\s+this\s+(?:story|article)|not\s+(?:an?\s+)?investment\s+advice|stocks?\s+mentioned/i,
    600,
  ),
  shortTextRule(
    'reporter-email',
    'Reporter sign-off lines that end in an e-mail address ("홍길동 기자 hong@example.com"): six words at most before it.',
    /^(?:[[(【]?[^\s@]+[\])】]?\s*){0,6}[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*[\])】]?$/,
    120,
  ),
  shortTextRule(
    'photo-credit',
    'Photo and graphic credits ("사진=연합뉴스", "Photo: Getty Images"): a credit word, a separator and a short source.',
    /^[[(【]?\s*(?:사진|사진\s*제공|자료\s*사진|그래픽|영상|촬영|이미지|photo|photograph|image|credit|picture|illustration|写真|图片|圖片|照片)\s*(?:[=:：/|]|by\b)\s*.{1,40}[\])】]?$/i,
    60,
  ),
  shortTextRule(
    'dateline',
    'Entry and revision time lines ("기사입력 : 2025.02.04", "Updated: …"): the reader shows the date itself.',
    /^(?:기사\s*)?(?:입력|수정|최종\s*수정|등록|승인|송고|업데이트|published|updated|posted)\s*(?:일시|시간)?\s*[:：]?\s*\d{4}[.\-년/]\s*\d{1,2}[.\-월/]\s*\d{1,2}/i,
    60,
  ),
  shortTextRule(
    'subscribe-prompt',
    'Subscription and newsletter prompts ("기자 구독", "Subscribe to our newsletter"): short prompts only.',
    /구독\s*(?:하기|신청|하세요)|뉴스레터\s*(?:구독|신청)|기자\s*구독|subscribe\s+(?:now|today|to\s+(?:our|the))|sign\s+up\s+for\s+(?:our|the)\s+\S*\s*newsletter|already\s+a\s+subscriber|newsletter\s+sign[\s-]*up/i,
    120,
  ),
];

/** Runs every rule once below `root`; returns removals per rule (for tests and the benchmark). */
export function removeClutter(root: Element, rules: ClutterRule[] = CLUTTER_RULES): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const rule of rules) counts[rule.id] = rule.apply(root);
  return counts;
}

/** Empty wrappers left behind: no text and no media. */
export function removeEmpty(root: Element): number {
  let removed = 0;
  const candidates = Array.from(root.querySelectorAll('p, div, span, section, li, ul, ol, figure, figcaption, strong, b, em, a, h1, h2, h3, h4, h5, h6, table, tbody, tr, td')).reverse();
  for (const el of candidates) {
    if (el === root || !root.contains(el)) continue;
    if (textOf(el)) continue;
    if (el.querySelector('img, picture, video, audio, iframe, svg, math, canvas, object, embed, br + br, hr')) continue;
    if (el.tagName === 'TD' || el.tagName === 'TR') continue;
    el.remove();
    removed++;
  }
  return removed;
}
