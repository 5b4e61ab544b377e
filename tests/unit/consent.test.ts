// Consent prompts and embed placeholders go before Readability reads the page: a cookie dialog,
// and the box that stands where a video or a chart would be until the reader agrees to load it.
// A story about privacy, with a button beside it, keeps its text.
import { extract } from '@/lib/article/extract';
import { isConsentText, removeConsentBoxes } from '@/lib/article/clutter/consent';
import { parse } from './article-helpers';

const STORY = [
  'The regional court ruled on Monday that the city must reopen the old footbridge over the river, which has been closed since a flood damaged one of its piers two years ago.',
  'Engineers told the court that the repaired pier can carry the bridge for another forty years, and the city said it would not appeal the ruling.',
  'Shops on both banks had asked for the bridge to reopen, saying their customers had to walk a long way round to the next crossing.',
  'The city expects the bridge to reopen before the summer, once the railings have been replaced.',
];

const PLACEHOLDER = `<div class="embed"><div class="info-box"><div class="h3">Recommended content</div>
  <p>An dieser Stelle findest du einen externen Inhalt von YouTube, der den Artikel ergänzt. Du kannst ihn dir mit einem Klick anzeigen lassen.</p>
  <div class="toggle"><input type="checkbox" id="t1"><label for="t1">YouTube-Inhalte erlauben</label></div>
  <p class="info">Ich bin damit einverstanden, dass mir Inhalte von YouTube angezeigt werden.</p>
  <p class="info">Personenbezogene Daten können an Drittplattformen übermittelt werden. Mehr dazu in unserer Datenschutzerklärung.</p>
</div></div>`;

const DIALOG = `<div role="dialog" aria-label="Cookies"><p>We use cookies and similar technologies to measure our audience and show you relevant content. By clicking Accept all you consent to this use of cookies; you can change your choice at any time in the privacy settings.</p><button>Accept all</button><button>Settings</button></div>`;

function page(inside: string): Document {
  return parse(
    `<!doctype html><html lang="en"><head><title>Footbridge to reopen</title></head><body>${DIALOG}
      <article><h1>Footbridge to reopen</h1><p>${STORY[0]}</p><p>${STORY[1]}</p>${inside}<p>${STORY[2]}</p><p>${STORY[3]}</p></article>
    </body></html>`,
    'https://river.example/bridge',
  );
}

describe('consent prompts and embed placeholders', () => {
  test('an embed placeholder inside the story and a cookie dialog are not in the article', () => {
    const article = extract(page(PLACEHOLDER), 'https://river.example/bridge')!;
    for (const p of STORY) expect(article.bodyText).toContain(p);
    expect(article.text).not.toContain('einverstanden');
    expect(article.text).not.toContain('Drittplattformen');
    expect(article.text).not.toContain('externen Inhalt');
    expect(article.text).not.toContain('We use cookies');
  });

  test('the page itself is not changed', () => {
    const doc = page(PLACEHOLDER);
    extract(doc, 'https://river.example/bridge');
    expect(doc.body.textContent).toContain('einverstanden');
    expect(doc.querySelector('[role="dialog"]')).not.toBeNull();
  });

  test('a short story about privacy with a button keeps its text', () => {
    const doc = parse(
      `<body><div class="brief"><p>The data protection authority fined a bank for asking customers to consent to cookies before they could log in, which the law does not allow; the bank said it would change its privacy notice.</p><p>The bank has a month to pay the fine or appeal against it.</p><button>Share</button></div></body>`,
    );
    expect(removeConsentBoxes(doc.body)).toBe(0);
    expect(doc.body.textContent).toContain('fined a bank');
  });

  test('agreeing and what to, in several languages', () => {
    expect(isConsentText("J'accepte le dépôt de cookies")).toBe(true);
    expect(isConsentText('Acepto que se muestre contenido externo')).toBe(true);
    expect(isConsentText('쿠키 사용에 동의합니다')).toBe(true);
    expect(isConsentText('The minister did not accept the offer')).toBe(false);
  });
});
