// What a reader sees in the entity panel, measured for bench:entities (figures only, nothing fails):
//  - panelScore: on the hand-labelled gold file (data/entities-gold.json, 20 dev-corpus articles),
//    the share of the panel's person/organisation/place entries that are right and the share of
//    gold entities found, per article and overall, with duplicate entries and ticker mistakes;
//  - tickerRecall: listed companies found with their ticker when named by their listed name or
//    the short name readers use, in sentences written from a template;
//  - trapTickers: tickers given to ordinary words in everyday paragraphs (data/ticker-traps.json).
import fs from 'node:fs';
import path from 'node:path';

const NAME_GROUPS = new Set(['person', 'org', 'place']);

/** Names compared as a reader would: case, spaces, a leading "the", quotes and a possessive aside. */
const normName = (s) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/['’]s$/, '')
    .replace(/[\s"'‘’“”.]/g, '');

/** The article texts of the gold file, from the corpus. */
export function goldArticles(corpusDir, gold) {
  const zyte = JSON.parse(fs.readFileSync(path.join(corpusDir, 'extraction/zyte-dev/ground-truth.json'), 'utf8'));
  return gold.articles.map((a) => ({
    ...a,
    text:
      a.lang === 'ko'
        ? fs.readFileSync(path.join(corpusDir, 'korean-portals', a.id, 'expected.txt'), 'utf8')
        : zyte[a.id].articleBody,
  }));
}

const typesOf = (g) => (Array.isArray(g.t) ? g.t : [g.t]);
const tickersOf = (g) => (g.k === undefined ? [null] : Array.isArray(g.k) ? g.k : [g.k]);

/**
 * Scores the panel of each article. `panel(text, lang)` returns the panel's entries
 * ({ type, name, ticker? }) for the person, organisation and place groups.
 */
export function panelScore(articles, panel) {
  const rows = [];
  for (const a of articles) {
    const entries = panel(a.text, a.lang).filter((e) => NAME_GROUPS.has(e.type));
    const optional = new Set((a.optional ?? []).map(normName));
    const names = a.entities.map((g) => new Set([g.n, ...(g.a ?? [])].map(normName)));
    const hits = a.entities.map(() => 0);
    let right = 0;
    let counted = 0;
    const wrong = [];
    let falseTickers = 0;
    for (const e of entries) {
      const n = normName(e.name);
      const k = a.entities.findIndex((g, i) => names[i].has(n) && typesOf(g).includes(e.type));
      if (k < 0) {
        if (optional.has(n)) continue;
        counted++;
        wrong.push(`${e.type} ${e.name}${e.ticker ? ` [${e.ticker.code}]` : ''}`);
        if (e.ticker) falseTickers++;
        continue;
      }
      counted++;
      const code = e.ticker?.code ?? null;
      if (!tickersOf(a.entities[k]).includes(code) && code !== null) {
        falseTickers++;
        wrong.push(`${e.type} ${e.name} [${code}]`);
        continue;
      }
      right++;
      hits[k]++;
    }
    const tickerGold = a.entities.filter((g) => g.k !== undefined && !tickersOf(g).includes(null));
    const tickerFound = tickerGold.filter((g) =>
      entries.some((e) => e.ticker && tickersOf(g).includes(e.ticker.code) && names[a.entities.indexOf(g)].has(normName(e.name))),
    ).length;
    rows.push({
      id: a.id,
      lang: a.lang,
      entries: counted,
      right,
      gold: a.entities.length,
      found: hits.filter((h) => h > 0).length,
      duplicates: hits.filter((h) => h > 1).length,
      falseTickers,
      tickerGold: tickerGold.length,
      tickerFound,
      wrong,
      missed: a.entities.filter((_, i) => !hits[i]).map((g) => g.n),
    });
  }
  const sum = (rs, key) => rs.reduce((t, r) => t + r[key], 0);
  const total = (rs) => ({
    entries: sum(rs, 'entries'),
    precision: sum(rs, 'right') / Math.max(1, sum(rs, 'entries')),
    recall: sum(rs, 'found') / Math.max(1, sum(rs, 'gold')),
    duplicates: sum(rs, 'duplicates'),
    falseTickers: sum(rs, 'falseTickers'),
    tickerRecall: sum(rs, 'tickerFound') / Math.max(1, sum(rs, 'tickerGold')),
  });
  return {
    rows,
    ko: total(rows.filter((r) => r.lang === 'ko')),
    en: total(rows.filter((r) => r.lang === 'en')),
    all: total(rows),
  };
}

/** One CSV line's fields (quoted fields with commas). */
function csvFields(line) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** The listing files as rows: { code, market, names: { full, short } }. */
function listings(corpusDir) {
  const read = (f) => {
    const [head, ...lines] = fs
      .readFileSync(path.join(corpusDir, 'tickers', f), 'utf8')
      .trim()
      .split('\n');
    const cols = csvFields(head);
    return lines.map((l) => Object.fromEntries(csvFields(l).map((v, i) => [cols[i], v])));
  };
  return { krx: read('krx_listed_companies.csv'), sp500: read('sp500_constituents.csv') };
}

// How readers name an S&P 500 company: the listing name without its legal form, class and "(The)".
function shortUsName(security) {
  return security
    .replace(/\s*\((?:The|Class [A-Z]|[^)]*)\)\s*/g, ' ')
    .replace(
      /,?\s+(?:Inc\.?|Incorporated|Corporation|Corp\.?|Company|Co\.?|Ltd\.?|plc|PLC|Holdings|Group|N\.V\.|S\.A\.|& Co\.?)$/g,
      '',
    )
    .replace(/,?\s+(?:Inc\.?|Corporation|Corp\.?|Company|Co\.?|Holdings)$/g, '')
    .trim();
}

/**
 * Recall of tickers by name: each listed company named in a neutral business sentence (English for
 * the S&P 500, Korean for KRX), found with its own ticker. `recognize(text, lang)` → spans.
 */
export function tickerRecall(corpusDir, recognize) {
  const { krx, sp500 } = listings(corpusDir);
  const found = (text, lang, code) => recognize(text, lang).some((s) => s.ticker?.code === code);
  const rate = (rows) => rows.filter(Boolean).length / Math.max(1, rows.length);
  // Preferred shares and SPACs are no company names a reader meets in an article.
  const krxCommon = krx.filter((r) => !r.common_code && !/스팩|리츠/.test(r.name_ko));
  const res = {
    krxListed: rate(krxCommon.map((r) => found(`${r.name_ko}는 올해 3분기 실적을 발표했다.`, 'ko', r.code))),
    krxParticle: rate(krxCommon.map((r) => found(`증권가는 ${r.name_ko}의 주가가 오를 것으로 본다.`, 'ko', r.code))),
    spListed: rate(
      sp500.map((r) => found(`Shares of ${r.Security.replace(/\s*\(Class [A-Z]\)/, '')} rose 3% on Tuesday.`, 'en', r.Symbol)),
    ),
    spShort: rate(
      sp500.map((r) => found(`Analysts said ${shortUsName(r.Security)} reported higher quarterly revenue.`, 'en', r.Symbol)),
    ),
    spShortPossessive: rate(
      sp500.map((r) => found(`Investors cheered ${shortUsName(r.Security)}'s results on Tuesday.`, 'en', r.Symbol)),
    ),
  };
  return { ...res, counts: { krx: krxCommon.length, sp500: sp500.length } };
}

/** Tickers given in the trap paragraphs (everyday text with no company in it). */
export function trapTickers(traps, recognize) {
  const out = [];
  for (const t of traps)
    for (const s of recognize(t.text, t.lang)) if (s.ticker) out.push({ lang: t.lang, text: s.text, code: s.ticker.code });
  return { paragraphs: traps.length, falseTickers: out };
}
