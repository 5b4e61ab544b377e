// Portal clutter that must not survive into the reader's text: one list, used by the benchmark to
// count pages whose extracted text still holds such a line. These are *measurement* patterns; the
// extension's own rules live in lib/article/clutter/ and are judged by these counts.
export const CLUTTER_PATTERNS = [
  { id: 'font-size', what: '글자 크기 (font-size widget)', test: (line) => /글자\s*크기/.test(line) },
  { id: 'translate', what: '번역할 언어 (translation widget)', test: (line) => /번역할\s*언어/.test(line) },
  { id: 'no-copy', what: '무단 전재 (copyright line)', test: (line) => /무단\s*전재/.test(line) },
  { id: 'no-redistribution', what: '재배포 금지 (copyright line)', test: (line) => /재배포\s*금지/.test(line) },
  { id: 'best-articles', what: '베스트 기사 (best-articles list)', test: (line) => /베스트\s*기사/.test(line) },
  { id: 'back-to-top', what: 'Top으로 이동 (back-to-top link)', test: (line) => /Top\s*으로\s*이동/i.test(line) },
  { id: 'stock-tracker', what: '종목 추적기 (stock widget)', test: (line) => /종목\s*추적기/.test(line) },
  {
    id: 'reporter-email',
    what: 'short line with an e-mail address (reporter sign-off)',
    test: (line) => line.length < 80 && /\S+@\S+\.\w+/.test(line),
  },
  { id: 'photo-credit', what: '사진= (photo credit)', test: (line) => /사진\s*[=＝]/.test(line) },
];

/**
 * Clutter lines of `text`: `{id, line}` for each line that matches a pattern, except lines that the
 * ground truth itself contains (a body may legitimately quote such words).
 */
export function clutterLines(text, truth = '') {
  const truthLines = new Set(
    truth
      .split('\n')
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter(Boolean),
  );
  const found = [];
  for (const raw of (text ?? '').split('\n')) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line || truthLines.has(line)) continue;
    for (const p of CLUTTER_PATTERNS) if (p.test(line)) found.push({ id: p.id, line });
  }
  return found;
}
