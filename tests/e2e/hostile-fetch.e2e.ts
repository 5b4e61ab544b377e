// The background's own fetches in the real browsers (issue 21, items 5 and 7): "Save linked
// article" and the text of imported items.
// - Pages in EUC-KR and Shift_JIS, with the charset only in the HTTP header, only in <meta>, or not
//   declared at all, saved by link as articles and as bookmarks: the library shows their titles and
//   finds words of their text, with no mojibake.
// - Links and an imported list naming the reader's own machine in many spellings, a redirect to it
//   and a redirect to file:///etc/passwd (a redirect to a public page is followed and saved): the canary is the server's count of requests to /admin,
//   which must stay 0; the good article of the same list is filled in, and each refused item says why.
// The fixture server is reached as http://news.example:PORT (the browsers map the name to 127.0.0.1;
// scripts/lib/browsers.mjs), because 127.0.0.1 itself is one of the refused addresses.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Browser as PpBrowser, Page as PpPage } from 'puppeteer-core';
import { serveFixtures } from '../../scripts/lib/fixture-server.mjs';
import { legacyEncode } from '../../scripts/lib/legacy-encode.mjs';
import { startChromium, type ChromiumSession } from './chromium-session';
import { menuInFirefox, poll, startFirefox, type FirefoxSession } from './firefox-session';

type Legacy = 'euc-kr' | 'shift_jis';

const KOREAN = [
  '한빛시는 다음 달부터 시립 도서관 세 곳을 밤 열한 시까지 열기로 했다고 밝혔다. 퇴근 뒤에도 책을 빌리고 공부할 곳이 필요하다는 시민들의 요청이 이어졌기 때문이다.',
  '시는 야간 운영에 필요한 인력을 새로 뽑고, 열람실 조명과 난방을 손보는 데 예산을 쓰기로 했다. 밤 시간에는 무인 대출기와 반납함도 함께 운영된다.',
  '도서관 관계자는 평일 저녁 이용자가 지난해보다 크게 늘었다며, 시험 기간에는 자리가 모자랄 정도라고 말했다. 시는 이용 현황을 살펴 운영 시간을 더 늘릴지 정할 계획이다.',
  '참가 신청은 통합예약 누리집에서 받으며, 첫 달에는 야간 독서 모임과 작가와의 만남 같은 행사도 열린다. 자세한 일정은 각 도서관 안내 게시판에서 확인할 수 있다.',
];
const JAPANESE = [
  '市は来月から、市立図書館三か所の開館時間を午後十一時まで延長すると発表した。仕事帰りにも本を借りたり勉強したりできる場所がほしいという市民の声に応えたものだ。',
  '夜間の運営に必要な職員を新たに採用し、閲覧室の照明や暖房も改修する。夜の時間帯には自動貸出機と返却ポストも利用できるようになる。',
  '図書館の担当者によると、平日の夕方の利用者は昨年より大きく増え、試験期間には席が足りなくなるほどだという。市は利用状況を見ながら、さらに時間を延ばすかどうかを決める。',
  '申し込みは市の予約サイトで受け付け、最初の月には夜の読書会や作家との対談などの催しも開かれる。詳しい日程は各図書館の掲示板で確かめられる。',
];

interface CharsetPage {
  path: string;
  encoding: Legacy;
  title: string;
  /** A word of the body, which only the right decoding lets the library's search find. */
  word: string;
  declared: 'header' | 'meta' | 'none';
  article: boolean;
}

const PAGES: CharsetPage[] = [
  {
    path: '/charset/ko-header.html',
    encoding: 'euc-kr',
    title: '밤에도 여는 도서관 (머리글)',
    word: '열람실',
    declared: 'header',
    article: true,
  },
  {
    path: '/charset/ko-meta.html',
    encoding: 'euc-kr',
    title: '밤에도 여는 도서관 (메타)',
    word: '반납함',
    declared: 'meta',
    article: true,
  },
  {
    path: '/charset/ko-none.html',
    encoding: 'euc-kr',
    title: '밤에도 여는 도서관 (선언 없음)',
    word: '누리집',
    declared: 'none',
    article: true,
  },
  {
    path: '/charset/ko-bookmark.html',
    encoding: 'euc-kr',
    title: '한빛시 도서관 안내 첫 화면',
    word: '',
    declared: 'none',
    article: false,
  },
  {
    path: '/charset/ja-header.html',
    encoding: 'shift_jis',
    title: '夜も開く図書館（ヘッダー）',
    word: '閲覧',
    declared: 'header',
    article: true,
  },
  {
    path: '/charset/ja-meta.html',
    encoding: 'shift_jis',
    title: '夜も開く図書館（メタ）',
    word: '返却',
    declared: 'meta',
    article: true,
  },
  {
    path: '/charset/ja-none.html',
    encoding: 'shift_jis',
    title: '夜も開く図書館（宣言なし）',
    word: '読書',
    declared: 'none',
    article: true,
  },
  {
    path: '/charset/ja-bookmark.html',
    encoding: 'shift_jis',
    title: '市立図書館のご案内トップページ',
    word: '',
    declared: 'meta',
    article: false,
  },
];

function pageHtml(page: CharsetPage): string {
  const meta = page.declared === 'meta' ? `<meta charset="${page.encoding}">` : '';
  const paragraphs = page.encoding === 'euc-kr' ? KOREAN : JAPANESE;
  const body = page.article
    ? `<article><h1>${page.title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>`
    : `<nav><a href="/a">${paragraphs[0]!.slice(0, 6)}</a> <a href="/b">${paragraphs[1]!.slice(0, 6)}</a></nav>`;
  return `<!doctype html><html><head>${meta}<title>${page.title}</title></head><body>${body}</body></html>`;
}

/** The test's own pages: the encoded ones, the admin page nobody may reach, and the redirects. */
function handle(req: IncomingMessage, res: ServerResponse): boolean {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const page = PAGES.find((p) => p.path === path);
  if (page) {
    const type = page.declared === 'header' ? `text/html; charset=${page.encoding}` : 'text/html';
    res.writeHead(200, { 'content-type': type }).end(legacyEncode(pageHtml(page), page.encoding));
    return true;
  }
  if (path.startsWith('/admin')) {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Router admin</title><p>secret settings</p>');
    return true;
  }
  if (path === '/redirect-to-admin') {
    res.writeHead(302, { location: `http://127.0.0.1:${port}/admin?via=redirect` }).end();
    return true;
  }
  if (path === '/redirect-to-article') {
    res.writeHead(302, { location: server.publicUrl(`${PAGES[0]!.path}?via=redirect`) }).end();
    return true;
  }
  if (path === '/redirect-to-file') {
    res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    return true;
  }
  return false;
}

let server: Awaited<ReturnType<typeof serveFixtures>>;
let port = 0;
const adminRequests = () => server.requests.filter((r) => r.startsWith('/admin')).length;

/** Addresses of the reader's own machine, in several spellings, and redirects there or to a file. */
const hostileLinks = () => [
  `http://localhost:${port}/admin`,
  `http://127.0.0.1:${port}/admin`,
  `http://0x7f000001:${port}/admin`,
  `http://2130706433:${port}/admin`,
  `http://[::ffff:127.0.0.1]:${port}/admin`,
  `http://[::1]:${port}/admin`,
  server.publicUrl('/redirect-to-admin'),
  server.publicUrl('/redirect-to-file'),
];

/** The imported list keeps one item per address, and the URL parser writes 0x7f000001 as 127.0.0.1. */
const distinctHostile = () => [...new Set(hostileLinks().map((u) => new URL(u).href))];
const GOOD_TITLE = '한빛시, 24시간 무인 도서관 문 연다';
const doneLine = () => {
  const n = distinctHostile().length;
  return `Fetched 1 of ${n + 1} (${n} failed; they stay in the list to try again).`;
};

const BLOCKED = 'This address is on your own network or is not a web page, so it was not fetched.';
/**
 * What the user is told for each refused link. Chromium's network stack itself refuses a redirect
 * to file: (an unsafe redirect), even when asked not to follow it, so the extension only sees a
 * failed fetch there; nothing is read either way.
 */
const refusalFor = (link: string, browser: 'chromium' | 'firefox') =>
  browser === 'chromium' && link.endsWith('/redirect-to-file')
    ? 'Not saved: the page could not be fetched (Failed to fetch).'
    : BLOCKED;
/** A redirect to a public page is followed (the browser's rules refuse only private hosts): saved. */
const REDIRECT_TO_ARTICLE = () => server.publicUrl('/redirect-to-article');
const toastFor = (link: string, browser: 'chromium' | 'firefox') =>
  link === REDIRECT_TO_ARTICLE() ? 'Saved to your library.' : refusalFor(link, browser);
const MOJIBAKE = /[\ufffd]|[ÃÂ][\u0080-\u00bf]|[ì-ï][\u0080-\u00bf]/;

beforeAll(async () => {
  server = await serveFixtures(0, { handle });
  port = Number(new URL(server.origin).port);
});
afterAll(async () => {
  await server?.close();
});

afterEach(() => {
  // The canary of every case: nothing ever reached the admin page.
  expect(adminRequests()).toBe(0);
});

describe('Chromium', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await startChromium();
  });
  afterAll(async () => {
    await session?.context.close();
  });

  test('EUC-KR and Shift_JIS pages saved by link, declared in the header, in <meta> or not at all, read right', async () => {
    const home = await session.openTab(server.url('/demo/home.html'));
    const toast = home.page.locator('reading-assistant-toast div');
    for (const page of PAGES) {
      await session.clickMenu('save-link', home.tabId, server.publicUrl(page.path));
      await expect
        .poll(() => toast.innerText({ timeout: 1000 }).catch(() => ''), { message: page.path })
        .toBe(page.article ? 'Saved to your library.' : 'No article here: saved as a bookmark.');
      await home.page.evaluate(() => document.querySelector('reading-assistant-toast')?.remove());
    }
    const library = await session.extensionPage('library.html');
    const list = library.getByTestId('virtual-list');
    for (const page of PAGES) await expect.poll(() => list.innerText(), { timeout: 20000 }).toContain(page.title);
    expect(await list.innerText()).not.toMatch(MOJIBAKE);
    for (const page of PAGES.filter((p) => p.word)) {
      await library.getByTestId('library-search').fill(page.word);
      await expect.poll(() => list.innerText()).toContain(page.title);
    }
    await library.getByTestId('library-search').fill('');
    await Promise.all([home.page.close(), library.close()]);
  });

  test('links to the own machine and redirects there or to a file are refused, a redirect to a public page is followed, and the page says which', async () => {
    const home = await session.openTab(server.url('/demo/home.html'));
    const toast = home.page.locator('reading-assistant-toast div');
    for (const link of [...hostileLinks(), 'file:///etc/passwd', REDIRECT_TO_ARTICLE()]) {
      await session.clickMenu('save-link', home.tabId, link);
      await expect
        .poll(() => toast.innerText({ timeout: 1000 }).catch(() => ''), { message: link })
        .toBe(toastFor(link, 'chromium'));
      await home.page.evaluate(() => document.querySelector('reading-assistant-toast')?.remove());
    }
    await home.page.close();
  });

  test('an imported list of internal addresses: nothing reaches them after "fetch", the good article is filled in', async () => {
    const library = await session.extensionPage('library.html');
    const list = [...hostileLinks(), server.publicUrl('/demo/article.html?from=hostile-list')].join('\n');
    const before = server.requests.length;
    await library
      .getByTestId('import-file')
      .setInputFiles({ name: 'urls.txt', mimeType: 'text/plain', buffer: Buffer.from(list) });
    await expect.poll(() => library.getByTestId('library-message').innerText()).toContain('Imported');
    // Importing fetches nothing: only the button does.
    expect(server.requests.slice(before)).toEqual([]);
    await library.getByTestId('fetch-pending').click();
    await expect.poll(() => library.getByTestId('fetch-progress').innerText(), { timeout: 30000 }).toBe(doneLine());
    // Each refused item is listed with the sentence that says why.
    const failures = await library.getByTestId('fetch-failures').locator('li').allInnerTexts();
    expect(failures.sort()).toEqual(
      distinctHostile()
        .map((url) => `${url} — ${refusalFor(url, 'chromium')}`)
        .sort(),
    );
    await library.getByTestId('library-search').fill('24시간');
    await expect.poll(() => library.getByTestId('virtual-list').innerText()).toContain(GOOD_TITLE);
    await library.close();
  });
});

describe('Firefox', () => {
  let session: FirefoxSession;
  let browser: PpBrowser;
  let ext: PpPage;
  beforeAll(async () => {
    session = await startFirefox();
    ({ browser, extensionPage: ext } = session);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Right-clicks a link to `href` on the page and chooses "Save linked article", as a reader does. */
  async function saveLinkByMenu(page: PpPage, href: string) {
    await page.evaluate((h) => {
      document.getElementById('ra-link')?.remove();
      const a = Object.assign(document.createElement('a'), { id: 'ra-link', href: h, textContent: 'the link' });
      document.body.prepend(a);
    }, href);
    await page.click('#ra-link', { button: 'right' });
    await poll(
      () => menuInFirefox(browser, 'list'),
      (items) => items.includes('Save linked article'),
    );
    await menuInFirefox(browser, 'Save linked article');
  }

  const toastText = (page: PpPage) =>
    page.evaluate(() => document.querySelector('reading-assistant-toast')?.shadowRoot?.querySelector('div')?.textContent ?? '');
  const listText = () =>
    ext.evaluate(() => (document.querySelector('[data-testid="virtual-list"]') as HTMLElement | null)?.innerText ?? '');

  test('EUC-KR and Shift_JIS pages saved by link, declared in the header, in <meta> or not at all, read right', async () => {
    const home = await session.openTab(server.url('/demo/home.html'));
    for (const page of PAGES) {
      await saveLinkByMenu(home.page, server.publicUrl(page.path));
      expect(
        await poll(
          () => toastText(home.page),
          (t) => t.length > 0,
        ),
      ).toBe(page.article ? 'Saved to your library.' : 'No article here: saved as a bookmark.');
      await home.page.evaluate(() => document.querySelector('reading-assistant-toast')?.remove());
    }
    await session.goTo('/library.html');
    const text = await poll(listText, (t) => PAGES.every((p) => t.includes(p.title)), 20000);
    for (const page of PAGES) expect(text).toContain(page.title);
    expect(text).not.toMatch(MOJIBAKE);
    for (const page of PAGES.filter((p) => p.word)) {
      await ext.evaluate((word) => {
        const input = document.querySelector('[data-testid="library-search"]') as HTMLInputElement;
        input.value = word;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, page.word);
      expect(await poll(listText, (t) => t.includes(page.title))).toContain(page.title);
    }
    await home.page.close();
  });

  test('links to the own machine and redirects there or to a file are refused, a redirect to a public page is followed, and the page says which', async () => {
    const home = await session.openTab(server.url('/demo/home.html'));
    for (const link of [...hostileLinks(), 'file:///etc/passwd', REDIRECT_TO_ARTICLE()]) {
      await saveLinkByMenu(home.page, link);
      expect(
        await poll(
          () => toastText(home.page),
          (t) => t.length > 0,
        ),
        link,
      ).toBe(toastFor(link, 'firefox'));
      await home.page.evaluate(() => document.querySelector('reading-assistant-toast')?.remove());
    }
    await home.page.close();
  });

  test('an imported list of internal addresses: nothing reaches them after "fetch", the good article is filled in', async () => {
    await session.goTo('/library.html');
    const list = [...hostileLinks(), server.publicUrl('/demo/article.html?from=hostile-list')].join('\n');
    const before = server.requests.length;
    await ext.evaluate((text) => {
      const input = document.querySelector('[data-testid="import-file"]') as HTMLInputElement;
      const files = new DataTransfer();
      files.items.add(new File([text], 'urls.txt', { type: 'text/plain' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, list);
    const message = () => ext.evaluate(() => document.querySelector('[data-testid="library-message"]')?.textContent ?? '');
    expect(await poll(message, (m) => m.includes('Imported'))).toContain('Imported');
    expect(server.requests.slice(before)).toEqual([]);
    await session.press('fetch-pending');
    const progress = () => ext.evaluate(() => document.querySelector('[data-testid="fetch-progress"]')?.textContent ?? '');
    expect(await poll(progress, (p) => p.startsWith('Fetched '), 30000)).toBe(doneLine());
    const failures = await ext.evaluate(() =>
      [...document.querySelectorAll('[data-testid="fetch-failures"] li')].map((li) => (li as HTMLElement).innerText),
    );
    expect(failures.sort()).toEqual(
      distinctHostile()
        .map((url) => `${url} — ${refusalFor(url, 'firefox')}`)
        .sort(),
    );
    expect(await poll(listText, (t) => t.includes(GOOD_TITLE))).toContain(GOOD_TITLE);
  });
});
