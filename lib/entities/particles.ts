// Korean particles (josa), copulas and titles around names: "삼성전자는" → 삼성전자, "손정의 회장과"
// → 손정의. Used to give every mention of one entity the same canonical name.

// Longest first, so "에서는" goes before "에서" and "는".
const PARTICLES = [
  '으로부터', '에게서는', '이라든가', '에서부터', '에서처럼',
  '으로서', '으로써', '에게서', '께서는', '에서는', '에서도', '에서의', '에서만', '으로는', '으로도', '으로의', '이라는', '이라고', '이라며', '이었다', '이지만', '한테서', '와의', '과의', '와는', '과는', '에는', '에도', '에의', '에게', '에서', '으로', '까지', '부터', '처럼', '보다', '이나', '이며', '이고', '이다', '라는', '라고', '라며', '였다', '께서', '한테', '마저', '조차', '밖에', '로서', '로써', '로는', '로도', '의', '은', '는', '이', '가', '을', '를', '에', '와', '과', '도', '만', '로', '랑', '께', '야',
];
// Particles that also end many names (지은, 민아, 수도): stripped only when the stem is known.
const AMBIGUOUS = new Set(['이', '가', '도', '은', '야', '과', '와', '로', '만', '의']);

/** Titles and roles that follow a name and are not part of it. */
export const KO_TITLES = [
  '회장', '부회장', '명예회장', '총괄회장', '사장', '부사장', '대표', '대표이사', '의장', '이사장', '총재', '대통령', '총리', '장관', '차관', '의원', '위원장', '원장', '청장', '시장', '지사', '구청장', '군수', '교수', '박사', '감독', '선수', '코치', '기자', '앵커', '변호사', '검사', '판사', '씨', '군', '양', '옹', '여사', '전무', '상무', '이사', '부장', '팀장', '실장', '본부장', '센터장', '최고경영자', '창업자', '회장님', '대표님',
  '총장', '구단주', '셰프', '아나운서', '목사', '신부', '비서관', '원내대표', '대변인', '최고위원', '후보', '후보자', '당선인', '단장', '국장', '처장',
  '관장', '고문', '사무총장', '사무국장', '대법관', '부장판사', '검사장', '지검장', '부총리', '도지사', '행장', '은행장', '연구원', '교사', '교장',
  '경장', '경위', '경사', '순경', '경감', '경정', '총경', '병장', '상병', '일병', '이병', '하사', '중사', '원사', '소위', '중위', '대위', '소령', '중령', '대령', '장군',
  '투수', '배우', '가수', '작가', '대사', '특사', 'PD',
];
export const EN_TITLES = ['CEO', 'CFO', 'CTO', 'COO', 'Chairman', 'President'];

/**
 * A Korean word without its trailing particles. `known` (names already seen bare) lets a one-syllable
 * particle that also ends names (이, 가, 도 …) go only when what is left is such a name; `strict`
 * asks that of every particle (for names a recognizer trained to leave particles out already cut:
 * 벨기에 stays 벨기에 unless 벨기 stands elsewhere).
 */
export function stripParticles(word: string, known?: ReadonlySet<string>, strict = false): string {
  if (!/[가-힣]$/.test(word)) return word;
  for (const p of PARTICLES) {
    if (word.length - p.length < 2 || !word.endsWith(p)) continue;
    const stem = word.slice(0, -p.length);
    if ((strict || AMBIGUOUS.has(p)) && /[가-힣]$/.test(stem) && !(known?.has(stem) ?? true)) continue;
    return stem;
  }
  return word;
}

/** The name in a mention that carries a title: "손정의 회장" → 손정의, "올트먼 CEO" → 올트먼. */
export function stripTitle(name: string): string {
  const words = name.split(/\s+/);
  while (words.length > 1 && [KO_TITLES, EN_TITLES].some((list) => list.includes(stripParticles(words[words.length - 1]!)))) words.pop();
  return words.join(' ');
}
