// @vitest-environment jsdom
// Markdown zip and HTML exports (they need a DOM: jsdom here, the library page in the browser).
import { strFromU8, unzipSync } from 'fflate';
import { article, dropDbs, freshDb } from './library-helpers';
import { articleMarkdown, exportHtml, exportMarkdownZip, importItems } from '@/extension/library/io';
import { htmlToMarkdown } from '@/lib/library/markdown';
import { saveArticle, saveBookmark, setRead, setTags } from '@/extension/library/store';
import type { SavedArticle } from '@/lib/library/types';

afterEach(dropDbs);

const T0 = Date.UTC(2024, 4, 1, 12);
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const md = (html: string) => htmlToMarkdown(html, parse);

describe('HTML → Markdown', () => {
  test('headings, paragraphs, emphasis, links, images', () => {
    expect(
      md(
        '<h2>Title <em>here</em></h2><p>Some <strong>bold</strong> and <em> spaced </em>text with <a href="https://example.com/a b">a link</a>.</p><p><img src="https://example.com/i.png" alt="A cat"></p>',
      ),
    ).toBe(
      '## Title *here*\n\nSome **bold** and *spaced* text with [a link](https://example.com/a%20b).\n\n![A cat](https://example.com/i.png)',
    );
  });

  test('nested lists, ordered lists with start, blockquotes, code, rules, figures, tables', () => {
    const html = `<ul><li>One</li><li>Two<ul><li>Two a</li></ul></li></ul>
      <ol start="3"><li><p>Three</p></li><li>Four</li></ol>
      <blockquote><p>Quoted</p><p>twice</p></blockquote>
      <pre><code>let x = 1;\nx++;</code></pre><p>Use <code>npm test</code></p><hr>
      <figure><img src="https://example.com/f.jpg" alt=""><figcaption>Photo: Kim</figcaption></figure>
      <table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>x|y</td></tr></table>`;
    expect(md(html)).toBe(
      [
        '- One\n- Two\n  - Two a',
        '3. Three\n4. Four',
        '> Quoted\n>\n> twice',
        '```\nlet x = 1;\nx++;\n```',
        'Use `npm test`',
        '---',
        '![](https://example.com/f.jpg)\n\n*Photo: Kim*',
        '| A   | B   |\n| --- | --- |\n| 1   | x\\|y |',
      ].join('\n\n'),
    );
  });

  test('markdown characters in text are escaped; unsafe links become text; line breaks kept', () => {
    expect(
      md(
        '<p># not a heading *really* [x] 1. ok</p><p><a href="javascript:alert(1)">click</a> <img src="javascript:x"> a<br>b</p><script>alert(1)</script>',
      ),
    ).toBe('\\# not a heading \\*really\\* \\[x\\] 1. ok\n\nclick a  \nb');
  });

  test('GFM: a table without a header row, strikethrough, a code block with its language', () => {
    expect(md('<table><tr><td>1</td><td>2</td></tr><tr><td>3</td><td><em>4</em></td></tr></table>')).toBe(
      '|     |     |\n| --- | --- |\n| 1   | 2   |\n| 3   | *4* |',
    );
    expect(
      md('<p>was <del>10</del> 12</p><pre class="language-js"><code class="language-js">const a = "&lt;b&gt;";</code></pre>'),
    ).toBe('was ~~10~~ 12\n\n```js\nconst a = "<b>";\n```');
  });

  test('never raw HTML: tables with block content cell by cell, markup written as text escaped, unsafe addresses dropped', () => {
    const out = md(
      [
        '<table><tr><th>Step</th><th>How</th></tr><tr><td>1</td><td><ul><li>mix</li><li>bake</li></ul></td></tr></table>',
        '<p>Type &lt;script&gt;alert(1)&lt;/script&gt; &amp; see</p>',
        '<p><a href="data:text/html,<script>alert(1)</script>">data</a> <img src="data:image/png;base64,AAAA" alt="x"> <a href="https://ok.example.com/(1)">ok</a></p>',
        '<template><p>hidden</p></template><style>p{}</style><textarea>typed</textarea>',
      ].join(''),
    );
    expect(out).toBe(
      'Step\n\nHow\n\n1\n\n- mix\n- bake\n\nType \\<script>alert(1)\\</script> & see\n\ndata [ok](https://ok.example.com/%281%29)',
    );
    expect(out).not.toMatch(/(^|[^\\])</);
  });

  test('Korean text passes through untouched', () => {
    expect(md('<p>삼성전자는 <strong>10일</strong> 밝혔다.</p>')).toBe('삼성전자는 **10일** 밝혔다.');
  });
});

async function seed() {
  const db = freshDb();
  await saveArticle(
    db,
    article({
      url: 'https://news.example.co.kr/1',
      title: '삼성전자, 새 반도체 공개',
      lang: 'ko',
      byline: '김민지 기자',
      text: '삼성전자는 오늘 밝혔다.',
      contentHtml: '<p>삼성전자는 <strong>오늘</strong> 밝혔다.</p>',
    }),
    { pageUrl: 'https://news.example.co.kr/1', now: T0 },
  );
  await setTags(db, 'https://news.example.co.kr/1', ['경제', 'chips']);
  await setRead(db, 'https://news.example.co.kr/1', true, { now: T0 + 1000 });
  // same day, same title: file names must not collide
  await saveArticle(db, article({ url: 'https://b.example.com/x', title: 'Same title', text: 'First.' }), {
    pageUrl: 'https://b.example.com/x',
    now: T0 + 1,
  });
  await saveArticle(db, article({ url: 'https://b.example.com/y', title: 'Same title', text: 'Second.' }), {
    pageUrl: 'https://b.example.com/y',
    now: T0 + 2,
  });
  await saveBookmark(
    db,
    { url: 'https://shop.example.com/', title: 'Shop "front" page', excerpt: 'Sale on now' },
    { now: T0 + 3 },
  );
  // a hostile stored page (as an older version might have stored it)
  const hostile: SavedArticle = {
    ...article({ url: 'https://evil.example.com/', title: '<img src=x onerror=alert(1)>' }),
    pageUrl: 'https://evil.example.com/',
    site: 'evil.example.com',
    status: 'full',
    savedAt: T0 + 4,
    updatedAt: T0 + 4,
    readAt: 0,
    progress: 0,
    tags: ['<b>x</b>'],
    contentHtml:
      '<p onclick="alert(1)">Hi</p><script>window.pwned=1</script><a href="javascript:alert(1)">j</a><svg><script>alert(2)</script></svg><iframe src="https://evil.example.com"></iframe><img src="https://evil.example.com/a.png" onerror="alert(3)">',
    text: 'Hi',
  };
  await importItems(db, [{ url: hostile.url, article: hostile }]);
  return db;
}

describe('Markdown zip', () => {
  test('one .md per article with front matter, unique names, newest first', async () => {
    const db = await seed();
    const files = unzipSync(await exportMarkdownZip(db, { parseHtml: parse }));
    const names = Object.keys(files).sort();
    expect(names).toEqual(
      [
        '2024-05-01-img-src-x-onerror-alert-1.md',
        '2024-05-01-same-title-2.md',
        '2024-05-01-same-title.md',
        '2024-05-01-shop-front-page.md',
        '2024-05-01-삼성전자-새-반도체-공개.md',
      ].sort(),
    );
    const ko = strFromU8(files['2024-05-01-삼성전자-새-반도체-공개.md']!);
    expect(ko).toBe(
      [
        '---',
        'title: "삼성전자, 새 반도체 공개"',
        'url: "https://news.example.co.kr/1"',
        'site: "news.example.co.kr"',
        'author: "김민지 기자"',
        'date: "2024-05-01T09:00:00Z"',
        `saved: "${new Date(T0).toISOString()}"`,
        `read: "${new Date(T0 + 1000).toISOString()}"`,
        'lang: "ko"',
        'tags: ["경제", "chips"]',
        '---',
        '',
        '# 삼성전자, 새 반도체 공개',
        '',
        '삼성전자는 **오늘** 밝혔다.',
        '',
        '[https://news.example.co.kr/1](https://news.example.co.kr/1)',
        '',
      ].join('\n'),
    );
    const shop = strFromU8(files['2024-05-01-shop-front-page.md']!);
    expect(shop).toContain('title: "Shop \\"front\\" page"');
    expect(shop).toContain('status: bookmark');
    expect(shop).toContain('\n\nSale on now\n\n');
    const evil = strFromU8(files['2024-05-01-img-src-x-onerror-alert-1.md']!);
    const evilBody = evil.slice(evil.indexOf('\n---\n') + 5);
    expect(evilBody).toContain('# \\<img src=x onerror=alert(1)>');
    expect(evilBody).not.toMatch(/(^|[^\\])</);
    expect(evilBody).not.toMatch(/javascript:|alert\(2\)/);
    // the newer of the two same-titled articles got the plain name
    expect(strFromU8(files['2024-05-01-same-title.md']!)).toContain('Second.');
  });

  test('without a DOM parser the plain text is used', () => {
    const a = {
      ...article({ title: 'T', text: 'Para *one*.\n\nPara two.' }),
      pageUrl: '',
      site: 'x',
      status: 'full' as const,
      savedAt: T0,
      updatedAt: T0,
      readAt: 0,
      progress: 0,
      tags: [],
    };
    expect(articleMarkdown(a, null)).toContain('\n\n# T\n\nPara \\*one\\*.\n\nPara two.\n\n');
  });

  test("a source address that is not a web page (an imported backup's javascript: or data:) is written as text, not a link", () => {
    for (const url of ['javascript:alert(document.domain)', 'data:text/html,<script>alert(1)</script>', ' JavaScript:alert(1)']) {
      const a = {
        ...article({ url, title: 'T', text: 'Body.' }),
        pageUrl: '',
        site: 'x',
        status: 'full' as const,
        savedAt: T0,
        updatedAt: T0,
        readAt: 0,
        progress: 0,
        tags: [],
      };
      const out = articleMarkdown(a, md);
      const body = out.slice(out.indexOf('\n---\n') + 5);
      expect(body).not.toMatch(/\]\(\s*(javascript|data):/i);
      expect(body).not.toMatch(/(^|[^\\])</);
      expect(body).toContain('Body.');
    }
  });
});

describe('HTML export', () => {
  test('one file: table of contents, every article sanitized again, no scripts', async () => {
    const db = await seed();
    const html = await exportHtml(db, { now: T0 });
    const doc = parse(html);
    expect(doc.title).toBe('Reading Assistant library · 2024-05-01');
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toMatch(
      /default-src 'none'/,
    );
    const toc = [...doc.querySelectorAll('nav li a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(toc).toEqual([
      ['<img src=x onerror=alert(1)>', '#a1'],
      ['Shop "front" page', '#a2'],
      ['Same title', '#a3'],
      ['Same title', '#a4'],
      ['삼성전자, 새 반도체 공개', '#a5'],
    ]);
    expect([...doc.querySelectorAll('article')].map((a) => a.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    expect(doc.querySelector('#a5')?.getAttribute('lang')).toBe('ko');
    expect(doc.querySelector('#a5 strong')?.textContent).toBe('오늘');
    expect(doc.querySelector('#a2')?.textContent).toContain('Sale on now');
    // nothing that runs
    expect(doc.querySelectorAll('script, iframe, object, embed')).toHaveLength(0);
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of el.attributes) expect(attr.name.startsWith('on')).toBe(false);
    }
    expect(html).not.toMatch(/javascript:/i);
    expect(doc.querySelector('#a1 h2')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(doc.querySelector('#a1 img')?.getAttribute('src')).toBe('https://evil.example.com/a.png');
  });

  test("opening the file fetches nothing: its policy allows no script and no picture or media but the file's own data", async () => {
    const html = await exportHtml(await seed(), { now: T0 });
    const policy = parse(html).querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    const directives = new Map(
      policy.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('img-src')).toEqual(['data:']);
    expect(directives.get('media-src')).toEqual(['data:']);
    expect(directives.has('script-src')).toBe(false);
    expect(policy).not.toMatch(/https?:|\*/);
  });
});
