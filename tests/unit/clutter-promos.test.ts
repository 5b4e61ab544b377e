// Clutter rules of the promos family: calls to subscribe, newsletter prompts and ad labels.
// Each rule's case: the clutter goes, article text that mentions the same things stays.
import { CLUTTER_RULES, removeClutter } from '@/lib/article/clutter';
import { type Case, familyTests } from './clutter-helpers';
import { parse } from './article-helpers';

const CASES: Record<string, Case> = {
  'subscribe-prompt': {
    clutter: `<div class="sub"><a href="/sub">기자 구독</a></div>
      <p>Subscribe to our newsletter for the latest updates.</p>
      <div><a href="/s">구독하기</a></div><div class="paywall"><p>春割ですべての記事が読み放題</p><p>有料会員が2カ月無料</p></div>
      <p>Need more space? Subscribe to our sister title for the latest amazing news from the final frontier!</p>
      <p>Subscribe to <a href="/w">The Example</a> and stay smart with more of your favorite writers.</p>
      <figure><img src="m.jpg" alt="magazine"><figcaption><a href="/s"><em>Need more planets? </em></a><a href="/s"><em>Subscribe to our sister title "Orbit" Magazine</em></a><em> for the latest news!</em></figcaption></figure>
      <p>Click here to subscribe to The Example Newsletter</p>`,
    gone: [
      '기자 구독',
      'Subscribe to our newsletter',
      '구독하기',
      '読み放題',
      '有料会員',
      'sister title',
      'stay smart',
      'Orbit',
      'Example Newsletter',
    ],
    keep: `<p>뉴스레터 구독 신청이 한 달 만에 두 배로 늘었다고 회사는 밝혔다.</p>
      <p>Readers who subscribe to the print edition also get the app, the company said.</p>`,
    kept: ['뉴스레터 구독 신청이', 'Readers who subscribe to the print edition'],
  },
  'ad-label': {
    clutter: `<p>Advertisement</p><div>Continue reading below</div><span>광고</span>`,
    gone: ['Advertisement', 'Continue reading below', '광고'],
    keep: `<p>Spending on the advertisement campaign rose 5 percent last year, the report said.</p>`,
    kept: ['Spending on the advertisement campaign'],
  },
  'newsletter-prompt': {
    clutter: `<p>Get breaking news alerts and special reports. The news and stories that matter, delivered weekday mornings.</p>
      <p>Sign up for The Daily Brief to get the free newsletter delivered to your inbox.</p>`,
    gone: ['breaking news alerts', 'The Daily Brief'],
    keep: `<p>The library sends its newsletter to 40,000 residents, who can sign up at any branch, officials said.</p>`,
    kept: ['The library sends its newsletter'],
  },
  'paywall-end': {
    clutter: `<p><strong>Il vous reste 62 % de cet article à lire. La suite est réservée aux abonnés.</strong></p>
      <section><p>Votre abonnement permet la lecture sur un appareil à la fois</p><button>Lire sur cet appareil</button>
      <ul><li><p>Que se passe-t-il ?</p><p>Ce compte est déjà utilisé sur un autre écran.</p></li></ul></section>
      <p>Lecture restreinte</p>`,
    gone: ['Il vous reste', 'un appareil à la fois', 'Lire sur cet appareil', 'un autre écran', 'Lecture restreinte'],
    keep: `<p>Readers who subscribe to the print edition also get the app, and the rest of this article is about them.</p>`,
    kept: ['Readers who subscribe to the print edition'],
  },
};

familyTests('promos', CASES);

describe('paywall-end', () => {
  const PROSE =
    'The council said the money would come from the culture budget, which grew by a tenth last year after the sale of two buildings in the old town, and that the first branches would open late from March, once the new staff had been trained.';
  const page = (inner: string) =>
    parse(
      `<!doctype html><html><body><article><p>The council voted on Tuesday to extend the opening hours of the city's public libraries.</p>${inner}</article></body></html>`,
    ).body;
  const rule = CLUTTER_RULES.filter((r) => r.id === 'paywall-end');

  test.each([
    [
      'German',
      '<p>Dieser Artikel ist nur für Abonnenten verfügbar.</p><div><a href="/abo">Jetzt 4 Wochen testen</a></div>',
      'Jetzt 4 Wochen',
    ],
    ['Japanese', '<p>この記事は有料会員限定です。</p><div><a href="/login">ログイン</a></div>', 'ログイン'],
    [
      'English',
      '<div><p>The rest of this article is for subscribers only.</p></div><p><a href="/s">See our plans</a></p>',
      'See our plans',
    ],
  ])('a %s notice goes with the prompts after it', (_, inner, after) => {
    const root = page(inner);
    removeClutter(root, rule);
    expect(root.textContent).not.toContain(after);
    expect(root.textContent).toContain('The council voted on Tuesday');
  });

  test('story prose after the notice stays (only the notice goes)', () => {
    const root = page(`<p>Subscribe to continue reading.</p><p>${PROSE}</p>`);
    removeClutter(root, rule);
    expect(root.textContent).not.toContain('Subscribe to continue reading');
    expect(root.textContent).toContain('The council said the money');
  });

  test('short paragraphs after the notice, more text than before it, are the story’s', () => {
    const short = Array.from({ length: 6 }, (_, i) => `<p>The branch in district ${i + 1} opens until ten from March.</p>`);
    const root = page(`<p>This article is for subscribers only, the old banner said.</p>${short.join('')}`);
    removeClutter(root, rule);
    expect(root.textContent).toContain('The branch in district 6 opens');
  });

  test('a sentence that quotes such a notice is the story’s', () => {
    const root = page(
      '<p>Readers complained when the paper began printing "the rest of this article is for subscribers" under its stories.</p><p>The editor replied on Monday.</p>',
    );
    removeClutter(root, rule);
    expect(root.textContent).toContain('Readers complained');
    expect(root.textContent).toContain('The editor replied');
  });
});

test('a subscription call in a caption goes, its picture stays', () => {
  const root = parse(
    '<!doctype html><html><body><div><p>The council voted on Tuesday to extend the opening hours of the libraries.</p><figure><img src="m.jpg" alt="magazine"><figcaption><a href="/s"><em>Need more planets? </em></a><a href="/s"><em>Subscribe to our sister title</em></a></figcaption></figure></div></body></html>',
  ).body;
  removeClutter(root);
  expect(root.textContent).not.toContain('sister title');
  expect(root.querySelector('img[alt="magazine"]')).not.toBeNull();
});
