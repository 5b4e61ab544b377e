// @vitest-environment node
// The message catalogues (public/_locales/{en,ko}/messages.json). The browser never complains about
// a key missing in one language (it quietly shows the English text, or nothing) or about a
// placeholder that a translation forgot (the value just does not appear), so this test does.
// It also keeps the catalogues free of keys nothing shows.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Catalogue = Record<string, Message>;

const root = join(__dirname, '../..');
const LANGUAGES = ['en', 'ko'] as const;
const catalogue = (lang: string): Catalogue =>
  JSON.parse(readFileSync(join(root, 'public/_locales', lang, 'messages.json'), 'utf8'));
const catalogues = Object.fromEntries(LANGUAGES.map((lang) => [lang, catalogue(lang)])) as Record<
  (typeof LANGUAGES)[number],
  Catalogue
>;
const en = catalogues.en;

/** The shipped code: every folder a bundle is built from, and the manifest in wxt.config.ts. */
const SOURCE_ROOTS = ['lib', 'platform', 'page', 'extension', 'background', 'components', 'entrypoints', 'wxt.config.ts'];
const SOURCE_FILE = /\.(ts|tsx|html|css)$/;

function sourceFiles(path: string): string[] {
  const full = join(root, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((name) => SOURCE_FILE.test(name))
    .map((name) => join(path, name));
}
const sources = SOURCE_ROOTS.flatMap(sourceFiles).map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
const allSource = sources.map((s) => s.text).join('\n');

/**
 * What a translation must keep: the placeholders it defines (Chrome treats their names without
 * case) with what each stands for, the named placeholders its text uses, and any bare $1…$9.
 * "$$" is a literal dollar sign, not a placeholder.
 */
function placeholderShape(m: Message) {
  const text = m.message.replaceAll('$$', '');
  const defined = Object.entries(m.placeholders ?? {})
    .map(([name, p]) => `${name.toLowerCase()}=${p.content}`)
    .sort();
  const used = [...new Set([...text.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) => match[1]!.toLowerCase()))].sort();
  const positional = [...new Set(text.replace(/\$[A-Za-z0-9_@]+\$/g, '').match(/\$\d/g) ?? [])].sort();
  return { defined, used, positional };
}

test('English and Korean hold the same keys', () => {
  const keys = Object.keys(en).sort();
  for (const lang of LANGUAGES) {
    expect(Object.keys(catalogues[lang]).sort(), `keys of ${lang}`).toEqual(keys);
  }
});

test('no two keys differ only by case (the browser looks keys up without case)', () => {
  const lower = Object.keys(en).map((k) => k.toLowerCase());
  expect(lower.filter((k, i) => lower.indexOf(k) !== i)).toEqual([]);
});

test('every message says something, in every language', () => {
  for (const lang of LANGUAGES) {
    const empty = Object.entries(catalogues[lang])
      .filter(([, m]) => typeof m.message !== 'string' || !m.message.trim())
      .map(([key]) => key);
    expect(empty, `empty messages in ${lang}`).toEqual([]);
  }
});

test('each message uses the placeholders it defines, and every language the same ones', () => {
  for (const lang of LANGUAGES) {
    for (const [key, m] of Object.entries(catalogues[lang])) {
      const shape = placeholderShape(m);
      // A placeholder defined but not in the text loses its value; one used but undefined shows "$NAME$".
      expect(shape.used, `${lang} ${key}: placeholders used vs defined`).toEqual(shape.defined.map((d) => d.split('=')[0]));
      if (lang !== 'en' && en[key]) expect(shape, `${lang} ${key} against en`).toEqual(placeholderShape(en[key]));
    }
  }
});

test('every key is used: named whole in the shipped code (t("key"), a typed key map, or __MSG_key__)', () => {
  const unused = Object.keys(en).filter((key) => {
    const quoted = new RegExp(`(['"\`])${key}\\1|__MSG_${key}__`);
    return !quoted.test(allSource);
  });
  expect(unused, 'keys no code shows: remove them from every catalogue').toEqual([]);
});

test('no code builds a message key from pieces, so the search above sees every key', () => {
  // A key put together at run time (t(`entityType_${type}` as MessageKey)) hides from the check
  // above and from the type checker; a Record<…, MessageKey> of whole keys (EntityPanel's
  // TYPE_KEY, TypographyControls' THEME_LABELS) keeps both.
  const pieced = sources
    .filter((s) => s.path !== join('platform', 'i18n.ts'))
    .flatMap((s) =>
      s.text
        .split('\n')
        .map((line, i) => ({ line, where: `${relative(root, join(root, s.path))}:${i + 1}` }))
        .filter(({ line }) => /\bt\(\s*`|as MessageKey\b|\bgetMessage\(/.test(line))
        .map(({ where, line }) => `${where}: ${line.trim()}`),
    );
  expect(pieced).toEqual([]);
});
