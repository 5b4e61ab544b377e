#!/usr/bin/env node
// Builds the compact ticker table the extension ships, lib/entities/data/tickers.json, from
// ../shared/corpus/tickers (see its README for sources and licences):
//   node scripts/build-tickers.mjs [--src DIR]
// To refresh: replace the two CSVs there (same columns), run this, run the tests, commit the JSON.
//
// Output: {"v":1, "rows": [[code, market, name, [alias, ...]], ...]} where market is "KOSPI",
// "KOSDAQ" or "NYSE/NASDAQ". Aliases are the names text uses for the company: the KRX short name,
// the DART Korean name when it is the long form of the short one, the English name without
// "Co., Ltd."-style endings, a few Korean spellings of US companies and well-known short forms.
// Preferred shares and SPACs are left out: a mention of a company means its common share.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const SRC = path.resolve(
  ROOT,
  argv[argv.indexOf('--src') + 1] && argv.includes('--src') ? argv[argv.indexOf('--src') + 1] : '../shared/corpus/tickers',
);
const OUT = path.join(ROOT, 'lib/entities/data/tickers.json');

/** RFC 4180 CSV: quoted fields may hold commas and doubled quotes. Every field stays a string. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [head, ...body] = rows.filter((r) => r.length > 1 || r[0]);
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

// Legal-form words at the end of an English company name ("SAMSUNG ELECTRONICS CO,.LTD").
const LEGAL =
  /(?:[\s,.]+(?:co|company|corp|corporation|inc|incorporated|ltd|limited|plc|llc|lp|n\.?v|s\.?a|ag|se|holdings?|group|the|&))+[\s,.]*$/i;
const SMALL = new Set(['of', 'and', 'the', 'for', '&']);

/** "SAMSUNG ELECTRONICS CO,.LTD" → "Samsung Electronics"; "SK hynix Inc." → "SK hynix". */
export function cleanEnglish(name) {
  let n = name
    .replace(/\(.*?\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (let prev = ''; prev !== n;) {
    prev = n;
    n = n
      .replace(LEGAL, '')
      .replace(/^the\s+/i, '')
      .trim();
  }
  if (n === n.toUpperCase()) {
    // Shouted names: words of 3 letters or fewer are likely initials (SK, LG, KT&G), others title case.
    n = n
      .split(' ')
      .map((w) => (w.replace(/[^A-Z]/g, '').length <= 3 && !SMALL.has(w.toLowerCase()) ? w : w[0] + w.slice(1).toLowerCase()))
      .join(' ');
  }
  return n.replace(/\.com$/i, '').trim();
}

/** True when `short` is `long` abbreviated: its characters appear in `long` in order (현대차 / 현대자동차). */
const abbreviates = (short, long) => {
  let i = 0;
  for (const c of long) if (c === short[i]) i++;
  return i === short.length && long.startsWith(short[0]);
};

const stripKoLegal = (n) => n.replace(/\(주\)|㈜|주식회사/g, '').trim();

// Korean spellings of US companies that Korean news uses (facts, checked by hand; extend freely).
const US_KO = {
  AAPL: ['애플'],
  MSFT: ['마이크로소프트', 'MS'],
  NVDA: ['엔비디아'],
  AMZN: ['아마존'],
  GOOGL: ['알파벳', '구글'],
  META: ['메타', '메타플랫폼스'],
  TSLA: ['테슬라'],
  ORCL: ['오라클'],
  INTC: ['인텔'],
  QCOM: ['퀄컴'],
  AMD: ['AMD'],
  LMT: ['록히드마틴', '록히드 마틴'],
  BA: ['보잉'],
  NFLX: ['넷플릭스'],
  AVGO: ['브로드컴'],
  MU: ['마이크론'],
  IBM: ['IBM'],
  CSCO: ['시스코'],
  KO: ['코카콜라'],
  WMT: ['월마트'],
  JPM: ['JP모건', 'JP모건체이스'],
  GS: ['골드만삭스'],
  CAT: ['캐터필러'],
  PFE: ['화이자'],
  SBUX: ['스타벅스'],
  NKE: ['나이키'],
  DIS: ['디즈니', '월트디즈니'],
  MCD: ['맥도날드'],
  GM: ['제너럴모터스', 'GM'],
  F: ['포드'],
  XOM: ['엑손모빌'],
  CVX: ['셰브런', '셰브론'],
  'BRK.B': ['버크셔해서웨이', '버크셔 해서웨이'],
  V: ['비자'],
  MA: ['마스터카드'],
  PYPL: ['페이팔'],
  ADBE: ['어도비'],
  CRM: ['세일즈포스'],
  UBER: ['우버'],
  HOOD: ['로빈후드'],
  ABNB: ['에어비앤비'],
  BLK: ['블랙록'],
  MS: ['모건스탠리'],
  BAC: ['뱅크오브아메리카'],
  C: ['씨티그룹'],
  WFC: ['웰스파고'],
  JNJ: ['존슨앤드존슨', '존슨앤존슨'],
  PG: ['P&G', '프록터앤드갬블'],
  PEP: ['펩시코'],
  LLY: ['일라이릴리'],
  MRK: ['머크'],
  ABBV: ['애브비'],
  UNH: ['유나이티드헬스'],
  HON: ['허니웰'],
  GE: ['GE', '제너럴일렉트릭'],
  DAL: ['델타항공'],
  UAL: ['유나이티드항공'],
  PLTR: ['팔란티어'],
  SMCI: ['슈퍼마이크로'],
  TXN: ['텍사스인스트루먼트'],
  AMAT: ['어플라이드머티어리얼즈'],
  LRCX: ['램리서치'],
  COST: ['코스트코'],
  HD: ['홈디포'],
  RTX: ['레이시온', 'RTX'],
  NOC: ['노스럽그러먼'],
  GD: ['제너럴다이내믹스'],
  MRNA: ['모더나'],
  CMCSA: ['컴캐스트'],
  T: ['AT&T'],
  VZ: ['버라이즌'],
};
// Short forms of US names that news uses alone ("Lockheed"), beyond the name without legal endings.
const US_SHORT = {
  LMT: ['Lockheed'],
  GOOGL: ['Google'],
  META: ['Meta', 'Facebook'],
  'BRK.B': ['Berkshire'],
  JPM: ['JPMorgan', 'JP Morgan'],
  GS: ['Goldman'],
  MS: ['Morgan Stanley'],
  BAC: ['BofA'],
  WFC: ['Wells Fargo'],
  XOM: ['Exxon'],
  KO: ['Coca-Cola'],
  PG: ['P&G'],
  DIS: ['Disney'],
};
// Korean short forms news uses alone (hand-checked; a short form that is also a common word is not added).
const KR_SHORT = {
  '000660': ['하이닉스'],
  '035420': ['네이버'],
  '000270': ['기아차'],
  '005380': ['현대자동차'],
  '051910': ['LG화학'],
  '066570': ['LG전자', '엘지전자'],
};
// Share classes: the one a mention links to (GOOGL over GOOG, FOXA over FOX, NWSA over NWS).
const DUPLICATE_CLASSES = new Set(['GOOG', 'FOX', 'NWS']);

export function buildTickers(srcDir) {
  const krx = parseCsv(fs.readFileSync(path.join(srcDir, 'krx_listed_companies.csv'), 'utf8'));
  const sp = parseCsv(fs.readFileSync(path.join(srcDir, 'sp500_constituents.csv'), 'utf8'));
  const rows = [];
  const preferred = /\d?우[A-Z]?(\(전환\))?$/;
  for (const r of krx) {
    if (r.common_code || /스팩/.test(r.name_ko) || (preferred.test(r.name_ko) && !r.name_en)) continue;
    const aliases = new Set([r.name_ko]);
    const dart = stripKoLegal(r.name_ko_dart || '');
    if (dart && dart !== r.name_ko && abbreviates(r.name_ko, dart)) aliases.add(dart);
    if (r.name_en) aliases.add(cleanEnglish(r.name_en));
    for (const a of KR_SHORT[r.code] ?? []) aliases.add(a);
    aliases.delete('');
    rows.push([r.code, r.market, r.name_ko, [...aliases].filter((a) => a !== r.name_ko), Number(r.marcap_krw) || 0]);
  }
  for (const r of sp) {
    if (DUPLICATE_CLASSES.has(r.Symbol)) continue;
    const aliases = new Set([cleanEnglish(r.Security), ...(US_SHORT[r.Symbol] ?? []), ...(US_KO[r.Symbol] ?? [])]);
    aliases.delete(r.Security);
    rows.push([r.Symbol, 'NYSE/NASDAQ', r.Security, [...aliases], 0]);
  }
  // Where two listings claim one alias, the larger company keeps it (KRX by market value; US after KRX names).
  rows.sort((a, b) => b[4] - a[4]);
  const seen = new Map();
  for (const row of rows) {
    row[3] = row[3].filter((a) => {
      const k = a.toLowerCase();
      if (seen.has(k)) return false;
      seen.set(k, row[0]);
      return true;
    });
    seen.set(row[2].toLowerCase(), row[0]);
  }
  return {
    v: 1,
    source: 'shared/corpus/tickers (KRX listing + OpenDART names; S&P 500 constituents, ODC-PDDL)',
    rows: rows.map((r) => (r[3].length ? r.slice(0, 4) : r.slice(0, 3))),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const data = buildTickers(SRC);
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, JSON.stringify(data) + '\n');
  console.log(`${data.rows.length} listings → ${path.relative(ROOT, OUT)} (${fs.statSync(OUT).size} bytes)`);
}
