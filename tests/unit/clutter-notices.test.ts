// Clutter rules of the notices family: copyright, tip-off, cookie and affiliate notices and end-of-story markers.
// Each rule's case: the clutter goes, article text that mentions the same things stays.
import { CLUTTER_RULES, removeClutter } from '@/lib/article/clutter';
import { type Case, familyTests } from './clutter-helpers';
import { parse } from './article-helpers';

const CASES: Record<string, Case> = {
  'copyright-line': {
    clutter: `<p class="copy">Copyright ⓒ 매일방송. 무단전재 및 재배포 금지</p>
      <footer><p>© 2024 Example News. All rights reserved.</p></footer>
      <div class="body2"><p>시는 예산안을 발표했다.<br>[저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지]</p></div>
      <p>저작권자 ⓒ 예시미디어(<a href="http://www.example.co.kr/">www.example.co.kr</a>), 무단전재 및 재배포금지</p>
      <p>The contents of this site are ©2019 Example Publishing Corp., a subsidiary of Example Communications, Inc.</p>`,
    gone: [
      '무단전재 및 재배포 금지',
      'All rights reserved',
      '저작권자(c)',
      '예시미디어',
      'www.example.co.kr',
      'Example Publishing',
    ],
    keep: `<p>저작권법 개정안은 무단 전재와 재배포를 금지하는 조항을 강화했다.</p>
      <p>The court said copyright law does not protect facts, only the way they are expressed.</p>
      <p>This isn't supposed to be a manifesto™© we just think it's cool to share what we learned.</p>`,
    kept: [
      '시는 예산안을 발표했다.',
      '저작권법 개정안은 무단 전재와',
      'copyright law does not protect facts',
      'a manifesto™© we just',
    ],
  },
  'tip-off': {
    clutter: `<p>Have a tip? Jane Roe may be reached at jroe@example.com. Follow her on Twitter.</p><p>Reach the reporters on Twitter at http://twitter.com/jroe</p><p>연합뉴스TV 기사문의 및 제보 : 카톡/라인 jebo23</p><p>※ '당신의 제보가 뉴스가 됩니다'</p><p>Send us your tips</p>
      <p>Fehler gefunden? Jetzt melden.</p><p>Spotted an error? Let us know</p><div>Signaler une erreur</div>`,
    gone: [
      'may be reached at',
      'Reach the reporters',
      '기사문의 및 제보',
      '당신의 제보가',
      'Send us your tips',
      'Fehler gefunden? Jetzt melden',
      'Spotted an error',
      'Signaler une erreur',
    ],
    keep: `<p>경찰은 시민 제보를 받아 용의자를 검거했다고 밝혔다.</p>
      <p>A reader sent us a tip about the late opening hours, and we checked it with the council.</p>
      <p>Der Rat hat den Fehler gefunden und den Haushalt am Dienstag korrigiert.</p>`,
    kept: ['시민 제보를 받아', 'sent us a tip', 'den Fehler gefunden'],
  },
  'end-marker': {
    clutter: `<p>(끝)</p><p>■</p><div>-END-</div>`,
    gone: ['(끝)', '■', '-END-'],
    keep: `<p>경기는 연장 끝에 무승부로 끝났다.</p><p>In the end, the council agreed.</p><p>___</p><p>Associated Press writer Jane Roe contributed.</p>`,
    kept: ['무승부로 끝났다', 'In the end, the council agreed.', '___'],
  },
  'cookie-notice': {
    clutter: `<p>This website uses cookies to improve your experience. We'll assume you're ok with this, but you can opt-out if you wish. Accept</p>`,
    gone: ['uses cookies'],
    keep: `<p>The council's website stopped using cookies for advertising last year, the report said.</p>`,
    kept: ['stopped using cookies for advertising'],
  },
  'media-fallback': {
    clutter: `<video controls><source src="/v.mp4" type="video/mp4">Your browser does not support the video tag.</video>
      <p>브라우저가 video 태그를 지원하지 않습니다.</p><div>Dieser Inhalt ist blockiert. This content is blocked until you accept the cookies of a third party.</div>`,
    gone: ['does not support the video tag', '지원하지 않습니다', 'blocked until you accept'],
    keep: `<p>The council said older library computers do not support the new catalogue, and that it would buy new ones.</p>`,
    kept: ['do not support the new catalogue'],
  },
  'affiliate-notice': {
    clutter: `<p>This post may contain affiliate and/or referral links. Please see my disclosure page.</p><p>Example may earn an Affiliate Commission if you purchase something through recommended links in this article.</p>`,
    gone: ['affiliate and/or referral', 'Affiliate Commission'],
    keep: `<p>The council said the bookshop's affiliate scheme with the library ended in May, after a review of costs.</p>`,
    kept: ["the bookshop's affiliate scheme"],
  },
};

familyTests('notices', CASES);

test('crisis-line notices under a story about suicide stay: a reader at risk needs them', () => {
  const doc =
    parse(`<article><p>경찰은 숨진 채 발견된 30대 남성의 정확한 사망 경위를 조사하고 있다고 밝혔다. 유족은 평소 우울감을 호소했다고 전했다.</p>
    <p>※ 우울감 등 말하기 어려운 고민이 있거나 주변에 이런 어려움을 겪는 가족·지인이 있을 경우 자살예방 상담전화 ☎109에서 24시간 전문가의 상담을 받을 수 있습니다.</p>
    <p>If you or someone you know is struggling, call or text 988 to reach the Suicide and Crisis Lifeline.</p>
    <p>무단 전재 및 재배포 금지</p></article>`);
  const root = doc.querySelector('article')!;
  removeClutter(root, CLUTTER_RULES, { title: '', byline: null, urls: [] });
  expect(root.textContent).toContain('자살예방 상담전화 ☎109');
  expect(root.textContent).toContain('call or text 988');
  expect(root.textContent).not.toContain('무단 전재');
});
