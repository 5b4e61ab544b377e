// Deterministic, realistic-looking saved articles for benchmarks and tests: mixed Korean and
// English news (a few of each mixing in the other), ~5 KB of text each (UTF-8), sanitized-style
// HTML (paragraphs, subheadings, quotes, lists, links, emphasis) with plain text that matches it
// as lib/article/text.ts toPlainText would give it. Sites, dates (more of them recent), tags,
// read state and progress vary. Same (n, seed, options) → same articles.
import { READING_SPEED } from '@/lib/article/text';
import { siteOf } from '@/lib/library/records';
import type { SavedArticle } from '@/lib/library/types';

export interface GenerateOptions {
  /** The "present": saves fall in the three years before it. Default 2026-01-01. */
  now?: number;
  /** Average plain-text size in UTF-8 bytes (each article varies ±30%). Default 5000. */
  textBytes?: number;
  /** Share of Korean articles, 0..1. Default 0.55. */
  korean?: number;
}

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const KO_SITES = [
  ['news.hangang-ilbo.kr', '한강일보'],
  ['www.seoul-economy.co.kr', '서울경제신문'],
  ['biz.techkorea.kr', '테크코리아'],
  ['www.daily-busan.co.kr', '부산데일리'],
  ['news.jeonbuk-times.kr', '전북타임스'],
  ['www.sisa-weekly.kr', '시사위클리'],
  ['m.newsline.co.kr', '뉴스라인'],
  ['www.kculture.kr', '케이컬처'],
  ['science.hankook-lab.kr', '한국과학리포트'],
  ['www.sports-seoul.example.kr', '스포츠서울닷컴'],
  ['brunch.example.kr', '브런치 에세이'],
  ['blog.devnote.kr', '개발노트'],
] as const;
const EN_SITES = [
  ['www.the-daily-ledger.com', 'The Daily Ledger'],
  ['news.techwire.io', 'TechWire'],
  ['www.global-post.example.com', 'Global Post'],
  ['www.science-notes.org', 'Science Notes'],
  ['longreads.example.net', 'Longreads Weekly'],
  ['www.asia-brief.com', 'Asia Brief'],
  ['blog.engineering.example.dev', 'Engineering Blog'],
  ['www.marketwatcher.example.com', 'Market Watcher'],
  ['www.culture-review.org', 'Culture Review'],
  ['www.city-herald.example.com', 'City Herald'],
] as const;

const KO_NOUNS = (
  '정부 국회 대통령 장관 위원회 기업 시장 경제 금리 물가 수출 수입 투자 반도체 배터리 전기차 자동차 인공지능 데이터 플랫폼 ' +
  '서비스 소비자 노동자 일자리 임금 부동산 아파트 전세 대출 은행 주식 증시 환율 무역 공급망 기술 연구 개발 대학 학생 교사 ' +
  '교육 입시 의료 병원 의사 환자 백신 건강 기후 환경 탄소 에너지 원전 태양광 전력 날씨 폭염 장마 태풍 지진 도시 지역 농촌 ' +
  '인구 저출산 고령화 복지 연금 세금 예산 재정 선거 정당 여당 야당 국민 시민 여론 조사 결과 발표 계획 정책 제도 법안 규제 ' +
  '개혁 협상 회담 외교 안보 북한 미국 중국 일본 유럽 세계 국제 관계 문화 영화 드라마 음악 공연 전시 축구 야구 선수 감독 ' +
  '경기 우승 기록 스마트폰 게임 콘텐츠 플랫폼 스타트업 창업 혁신 로봇 우주 위성 통신 네트워크 보안 해킹 개인정보 검색 포털 ' +
  '사회 가족 청년 노인 아이 부모 주민 관광 여행 항공 철도 교통 도로 사고 안전 경찰 검찰 법원 판결 재판 수사 혐의 사건'
).split(' ');
const KO_COMPANIES = [
  '삼성전자',
  'SK하이닉스',
  '현대자동차',
  'LG전자',
  '네이버',
  '카카오',
  '포스코',
  '한국전력',
  '삼성바이오로직스',
  '기아',
  '셀트리온',
  'LG에너지솔루션',
];
const KO_PARTICLES = {
  topic: ['은', '는'],
  subj: ['이', '가'],
  obj: ['을', '를'],
  gen: ['의'],
  loc: ['에서', '에'],
  with: ['과', '와'],
};
const KO_PREDICATES = [
  '발표했다',
  '밝혔다',
  '확대한다고 밝혔다',
  '검토하고 있다',
  '추진할 계획이다',
  '강조했다',
  '지적했다',
  '전망했다',
  '결정했다',
  '내놓았다',
  '늘리기로 했다',
  '줄일 방침이다',
  '공개했다',
  '시작했다',
  '마무리했다',
  '논의했다',
  '요구했다',
  '비판했다',
  '우려를 나타냈다',
  '기대를 모으고 있다',
  '주목받고 있다',
  '어려움을 겪고 있다',
  '영향을 미칠 것으로 보인다',
  '합의했다',
];
const KO_ADVERBS = [
  '오늘',
  '어제',
  '지난달',
  '올해',
  '내년',
  '이번 주',
  '최근',
  '지난해',
  '하반기',
  '상반기',
  '당분간',
  '결국',
  '특히',
  '또한',
  '한편',
  '다만',
];
const KO_NAMES = [
  '김민지',
  '이서준',
  '박지현',
  '최영호',
  '정수빈',
  '강동원',
  '윤하늘',
  '장미란',
  '임재현',
  '한소희',
  '오세훈',
  '신유나',
];
const KO_ROLES = ['연구원', '교수', '대표', '장관', '위원장', '팀장', '이사', '애널리스트', '관계자', '대변인'];
const KO_TAGS = ['경제', '정치', '사회', '국제', 'IT', '과학', '문화', '스포츠', '부동산', '반도체', '나중에 읽기', '중요'];

const EN_NOUNS = (
  'government parliament president minister committee company market economy rate inflation export import investment ' +
  'semiconductor battery vehicle intelligence data platform service consumer worker job wage housing apartment rent loan ' +
  'bank stock index currency trade supply chain technology research development university student teacher education exam ' +
  'health hospital doctor patient vaccine climate environment carbon energy nuclear solar power weather heatwave monsoon ' +
  'typhoon earthquake city region village population birthrate pension tax budget deficit election party opposition citizen ' +
  'poll survey result announcement plan policy system bill regulation reform negotiation summit diplomacy security alliance ' +
  'culture film drama music concert exhibition football baseball player coach season championship record smartphone game ' +
  'content startup founder innovation robot space satellite network privacy search engine software hardware cloud chip ' +
  'factory plant production demand growth recession forecast analyst investor shareholder board strategy competition rival ' +
  'customer product launch feature update version release court judge ruling trial investigation police prosecutor case'
).split(' ');
const EN_COMPANIES = [
  'Samsung Electronics',
  'SK Hynix',
  'Hyundai Motor',
  'LG Electronics',
  'Naver',
  'Kakao',
  'Apple',
  'Google',
  'Microsoft',
  'Nvidia',
  'TSMC',
  'Intel',
];
const EN_ADJ = (
  'new major global local national economic political social digital financial public private strong weak rising falling ' +
  'record slow rapid sudden expected unexpected critical important significant modest sharp steady uncertain cautious ' +
  'aggressive ambitious controversial popular early late final initial recent previous annual quarterly long short'
).split(' ');
const EN_VERBS = [
  'announced',
  'said',
  'expanded',
  'is reviewing',
  'plans to launch',
  'emphasized',
  'pointed out',
  'forecast',
  'decided on',
  'unveiled',
  'will increase',
  'intends to cut',
  'disclosed',
  'began',
  'completed',
  'discussed',
  'demanded',
  'criticized',
  'raised concerns about',
  'is drawing attention to',
  'struggled with',
  'is expected to affect',
  'agreed on',
  'delayed',
];
const EN_TIMES = [
  'on Monday',
  'on Tuesday',
  'last week',
  'this year',
  'next year',
  'in the second half',
  'recently',
  'last year',
  'for now',
  'by the end of the month',
];
const EN_NAMES = [
  'Jane Park',
  'Daniel Kim',
  'Maria Lopez',
  'Tom Becker',
  'Aiko Tanaka',
  'Sam Lee',
  'Priya Nair',
  'Chris Morgan',
  'Yuna Choi',
  'Oliver Grant',
];
const EN_ROLES = [
  'an economist at',
  'a professor at',
  'the chief executive of',
  'a spokesperson for',
  'an analyst at',
  'a researcher at',
  'the head of',
];
const EN_ORGS = [
  'Seoul National University',
  'the Bank of Korea',
  'the Ministry of Finance',
  'KAIST',
  'Morgan Stanley',
  'the OECD',
  'Yonsei University',
];
const EN_TAGS = [
  'economy',
  'politics',
  'tech',
  'science',
  'culture',
  'sports',
  'korea',
  'asia',
  'long read',
  'to read later',
  'important',
  'semiconductors',
];
const EN_CONNECT = [
  'However,',
  'Meanwhile,',
  'In addition,',
  'As a result,',
  'According to officials,',
  'Still,',
  'For example,',
  'At the same time,',
];

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
/** Zipf-like: earlier entries far more often, as in real text. */
const zipf = <T>(r: Rand, list: readonly T[]): T => list[Math.min(list.length - 1, Math.floor(list.length * r() ** 2.2))]!;
const escapeHtml = (s: string) =>
  /[&<>"]/.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;') : s;
/** UTF-8 length without encoding (surrogate pairs count 2 + 2: close enough for sizing). */
function bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return n;
}

/** Word count and reading time as lib/article/text.ts gives them (one fast pass over the
 *  generated scripts: Hangul counted by syllables, everything else by words). */
function counts(text: string): { wordCount: number; readingMinutes: number } {
  let words = 0;
  let hangul = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xac00 && c <= 0xd7a3) {
      hangul++;
      inWord = false;
    } else if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      if (!inWord) words++;
      inWord = true;
    } else if (inWord && (c === 46 || c === 45 || c === 39 || c === 0x2019)) {
      // joiners inside a word (3.5, COVID-19, don't) keep it one word when a letter follows
      const n = text.charCodeAt(i + 1);
      inWord = (n >= 48 && n <= 57) || (n >= 65 && n <= 90) || (n >= 97 && n <= 122);
      if (inWord) i++;
    } else inWord = false;
  }
  const minutes = words / READING_SPEED.words + hangul / READING_SPEED.hangul;
  return { wordCount: words + hangul, readingMinutes: words + hangul === 0 ? 0 : Math.max(1, Math.round(minutes)) };
}

/** Whether a Korean syllable has a final consonant (picks 은/는, 이/가, 을/를, 과/와). */
function hasBatchim(word: string): boolean {
  const c = word.charCodeAt(word.length - 1);
  if (c < 0xac00 || c > 0xd7a3) return /[lmnr]$/i.test(word);
  return (c - 0xac00) % 28 !== 0;
}
const particle = (word: string, pair: readonly string[]) =>
  word + (pair.length === 1 ? pair[0] : hasBatchim(word) ? pair[0] : pair[1]);

interface Writer {
  sentence(): string;
  quote(): string;
  heading(): string;
  title(): string;
  listItem(): string;
  byline(): string;
}

function koreanWriter(r: Rand, company: string): Writer {
  const noun = () => (r() < 0.08 ? company : zipf(r, KO_NOUNS));
  const compound = () => (r() < 0.35 ? `${zipf(r, KO_NOUNS)}${zipf(r, KO_NOUNS)}` : noun());
  const sentence = () => {
    const form = Math.floor(r() * 5);
    const adv = pick(r, KO_ADVERBS);
    if (form === 0)
      return `${adv} ${particle(noun(), KO_PARTICLES.topic)} ${noun()} ${particle(compound(), KO_PARTICLES.obj)} ${pick(r, KO_PREDICATES)}.`;
    if (form === 1)
      return `${particle(noun(), KO_PARTICLES.gen)} ${particle(compound(), KO_PARTICLES.subj)} 전년 대비 ${Math.floor(r() * 40) + 1}.${Math.floor(r() * 10)}% ${r() < 0.5 ? '증가했다' : '감소했다'}.`;
    if (form === 2)
      return `${particle(noun(), KO_PARTICLES.loc)} ${particle(noun(), KO_PARTICLES.with)} ${particle(compound(), KO_PARTICLES.subj)} ${pick(r, KO_PREDICATES)}.`;
    if (form === 3)
      return `${adv} ${particle(company, KO_PARTICLES.topic)} ${Math.floor(r() * 30) + 1}조 원 규모의 ${particle(compound(), KO_PARTICLES.obj)} ${pick(r, KO_PREDICATES)}.`;
    return `${pick(r, ['이에 따라', '이와 함께', '업계에서는', '전문가들은', '시장에서는'])} ${particle(noun(), KO_PARTICLES.gen)} ${particle(compound(), KO_PARTICLES.subj)} ${pick(r, KO_PREDICATES)}.`;
  };
  return {
    sentence,
    quote: () =>
      `“${particle(compound(), KO_PARTICLES.obj)} ${pick(r, ['서둘러야 한다', '신중하게 봐야 한다', '계속 늘려 갈 것', '다시 점검하겠다'])}”고 ${pick(r, KO_NAMES)} ${particle(pick(r, KO_ROLES), KO_PARTICLES.topic)} 말했다.`,
    heading: () => `${compound()} ${pick(r, ['전망', '과제', '쟁점', '현황', '배경'])}`,
    title: () =>
      `${particle(r() < 0.4 ? company : compound(), KO_PARTICLES.topic)} ${compound()} ${pick(r, ['발표', '확대', '논란', '급등', '급락', '본격화', '첫 공개'])}…${noun()} ${pick(r, ['주목', '촉각', '긴장', '기대'])}`,
    listItem: () => `${compound()}: ${particle(noun(), KO_PARTICLES.subj)} ${pick(r, KO_PREDICATES)}`,
    byline: () => `${pick(r, KO_NAMES)} 기자`,
  };
}

function englishWriter(r: Rand, company: string): Writer {
  const noun = () => (r() < 0.06 ? company : zipf(r, EN_NOUNS));
  const phrase = () => `${r() < 0.5 ? `${zipf(r, EN_ADJ)} ` : ''}${noun()}${r() < 0.3 ? ` ${zipf(r, EN_NOUNS)}` : ''}`;
  const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
  const sentence = () => {
    const form = Math.floor(r() * 5);
    if (form === 0) return `The ${phrase()} ${pick(r, EN_VERBS)} a ${phrase()} ${pick(r, EN_TIMES)}.`;
    if (form === 1)
      return `${cap(phrase())} rose ${Math.floor(r() * 40) + 1}.${Math.floor(r() * 10)} percent from a year earlier, the ${zipf(r, EN_ADJ)} ${noun()} showed.`;
    if (form === 2) return `${pick(r, EN_CONNECT)} the ${phrase()} ${pick(r, EN_VERBS)} the ${phrase()} and the ${phrase()}.`;
    if (form === 3)
      return `${company} ${pick(r, EN_VERBS)} a ${Math.floor(r() * 30) + 1} trillion won ${phrase()} ${pick(r, EN_TIMES)}.`;
    return `Analysts said the ${phrase()} could ${pick(r, ['weigh on', 'support', 'reshape', 'slow', 'accelerate'])} ${noun()} ${pick(r, ['growth', 'demand', 'prices', 'jobs', 'investment'])} ${pick(r, EN_TIMES)}.`;
  };
  return {
    sentence,
    quote: () =>
      `“We need to ${pick(r, ['move faster on', 'be careful about', 'keep investing in', 'rethink'])} the ${phrase()},” said ${pick(r, EN_NAMES)}, ${pick(r, EN_ROLES)} ${pick(r, EN_ORGS)}.`,
    heading: () => `${cap(phrase())} ${pick(r, ['outlook', 'challenges', 'at issue', 'so far', 'background'])}`,
    title: () =>
      `${r() < 0.4 ? company : cap(phrase())} ${pick(r, ['unveils', 'expands', 'faces', 'bets on', 'warns of', 'cuts'])} ${phrase()} ${pick(r, ['as markets watch', 'amid uncertainty', 'in a first', 'despite concerns', ''])}`
        .replace(/\s+/g, ' ')
        .trim(),
    listItem: () => `${cap(phrase())}: ${pick(r, EN_VERBS)} the ${phrase()}`,
    byline: () => pick(r, EN_NAMES),
  };
}

function body(
  r: Rand,
  w: Writer,
  other: Writer | null,
  site: string,
  targetBytes: number,
): { html: string; text: string; excerpt: string } {
  const html: string[] = [];
  const text: string[] = [];
  let size = 0;
  let excerpt = '';
  let para = 0;
  const push = (h: string, plain: string) => {
    html.push(h);
    text.push(plain);
    size += bytes(plain) + 2;
  };
  while (size < targetBytes) {
    const roll = r();
    if (para > 0 && para % 4 === 0 && roll < 0.6) {
      const heading = w.heading();
      push(`<h2>${escapeHtml(heading)}</h2>`, heading);
    }
    if (para > 1 && roll > 0.93) {
      const q = w.quote();
      push(`<blockquote><p>${escapeHtml(q)}</p></blockquote>`, q);
    } else if (para > 1 && roll > 0.89) {
      const items = Array.from({ length: 3 + Math.floor(r() * 3) }, () => w.listItem());
      html.push(`<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`);
      for (const i of items) {
        text.push(i);
        size += bytes(i) + 2;
      }
    } else {
      const n = 3 + Math.floor(r() * 3);
      const sentences = Array.from({ length: n }, () => (other && r() < 0.15 ? other.sentence() : w.sentence()));
      if (r() < 0.3) sentences.splice(1, 0, w.quote());
      if (!excerpt) excerpt = sentences[0]!;
      const plain = sentences.join(' ');
      // a link or emphasis on one sentence, as real articles have
      const h = sentences
        .map((s, i) => {
          const e = escapeHtml(s);
          if (i === 1 && r() < 0.25) return `<a href="https://${site}/related/${Math.floor(r() * 1e6)}">${e}</a>`;
          if (i === 2 && r() < 0.15) return `<strong>${e}</strong>`;
          return e;
        })
        .join(' ');
      push(`<p>${h}</p>`, plain);
    }
    para++;
  }
  return { html: html.join('\n'), text: text.join('\n\n'), excerpt };
}

/** `n` articles from `seed`, deterministic. */
export function generateArticles(n: number, seed: number, options: GenerateOptions = {}): SavedArticle[] {
  const now = options.now ?? Date.UTC(2026, 0, 1);
  const target = options.textBytes ?? 5000;
  const koShare = options.korean ?? 0.55;
  const r = prng(seed);
  const span = 3 * 365 * 24 * 3600 * 1000;
  const out: SavedArticle[] = [];
  for (let i = 0; i < n; i++) {
    const korean = r() < koShare;
    const [host, siteName] = korean ? pick(r, KO_SITES) : pick(r, EN_SITES);
    const koCompany = pick(r, KO_COMPANIES);
    const enCompany = pick(r, EN_COMPANIES);
    const w = korean ? koreanWriter(r, koCompany) : englishWriter(r, enCompany);
    const mixed = r() < 0.1;
    const other = mixed ? (korean ? englishWriter(r, enCompany) : koreanWriter(r, koCompany)) : null;
    const { html, text, excerpt } = body(r, w, other, host, target * (0.7 + r() * 0.6));
    const title = w.title();
    const savedAt = Math.round(now - span * r() ** 1.6);
    const date = new Date(savedAt);
    const section = pick(
      r,
      korean
        ? ['economy', 'politics', 'society', 'it', 'world', 'culture']
        : ['business', 'politics', 'tech', 'world', 'science', 'culture'],
    );
    const id = `${(seed >>> 0).toString(36)}-${i.toString(36)}${Math.floor(r() * 1296).toString(36)}`;
    const url = `https://${host}/${section}/${date.getUTCFullYear()}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
    const read = r() < 0.45;
    const readAt = read ? Math.min(now, savedAt + Math.round(r() * 7 * 24 * 3600 * 1000)) : 0;
    const tagPool = korean ? KO_TAGS : EN_TAGS;
    const tagCount = r() < 0.4 ? 0 : 1 + Math.floor(r() * 3);
    const tags = [...new Set(Array.from({ length: tagCount }, () => pick(r, tagPool)))];
    out.push({
      url,
      pageUrl: r() < 0.2 ? `${url}?ref=rss` : url,
      title,
      byline: r() < 0.85 ? w.byline() : null,
      siteName,
      site: siteOf(url),
      lang: korean ? 'ko' : 'en',
      dir: 'ltr',
      publishedTime: new Date(savedAt - Math.round(r() * 3 * 24 * 3600 * 1000)).toISOString(),
      excerpt,
      leadImage: r() < 0.7 ? `https://${host}/images/${id}.jpg` : null,
      ...counts(text),
      status: 'full',
      savedAt,
      updatedAt: r() < 0.1 ? Math.min(now, savedAt + Math.round(r() * 30 * 24 * 3600 * 1000)) : savedAt,
      readAt,
      progress: read
        ? r() < 0.8
          ? 1
          : 0.8 + Math.round(r() * 20) / 100
        : r() < 0.7
          ? 0
          : Math.round((0.05 + r() * 0.65) * 100) / 100,
      tags,
      contentHtml: html,
      text,
    });
  }
  return out;
}

/**
 * Pocket's older HTML export (ril_export.html) of `n` generated links, as Pocket wrote it: an
 * "Unread" list, then a "Read Archive" list (about a third), one link a line with time_added and
 * comma-separated tags; titles with entities (&amp; &quot;). For the import benchmark.
 */
export function generatePocketHtml(n: number, seed: number): string {
  const r = prng(seed);
  const unread: string[] = [];
  const archive: string[] = [];
  for (let i = 0; i < n; i++) {
    const korean = r() < 0.55;
    const [host] = korean ? pick(r, KO_SITES) : pick(r, EN_SITES);
    const w = korean ? koreanWriter(r, pick(r, KO_COMPANIES)) : englishWriter(r, pick(r, EN_COMPANIES));
    const title = `${w.title()}${r() < 0.1 ? ' & more' : ''}`;
    const tags =
      r() < 0.5 ? [] : [...new Set(Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(r, korean ? KO_TAGS : EN_TAGS)))];
    const added = 1_500_000_000 + Math.floor(r() * 250_000_000);
    const url = `https://${host}/article/${seed.toString(36)}-${i.toString(36)}?utm_source=pocket&amp;id=${i}`;
    const line = `\t\t\t<li><a href="${url}" time_added="${added}" tags="${escapeHtml(tags.join(','))}">${escapeHtml(title)}</a></li>`;
    (r() < 0.35 ? archive : unread).push(line);
  }
  return [
    '<!DOCTYPE html>',
    '<html>',
    '\t<!--So long and thanks for all the fish-->',
    '\t<head>',
    '\t\t<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />',
    '\t\t<title>Pocket Export</title>',
    '\t</head>',
    '\t<body>',
    '\t\t<h1>Unread</h1>',
    '\t\t<ul>',
    ...unread,
    '\t\t</ul>',
    '',
    '\t\t<h1>Read Archive</h1>',
    '\t\t<ul>',
    ...archive,
    '\t\t</ul>',
    '\t</body>',
    '</html>',
    '',
  ].join('\n');
}
