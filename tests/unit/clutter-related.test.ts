// Clutter rules of the related family: other stories inside the article: related lists, "READ MORE" promotions, trailing headline lists.
// Each rule's case: the clutter goes, article text that mentions the same things stays.
import { removeClutter } from '@/lib/article/clutter';
import { type Case, familyTests } from './clutter-helpers';
import { parse } from './article-helpers';

const CASES: Record<string, Case> = {
  'related-lists': {
    clutter: `<div class="box"><h3>많이 본 뉴스</h3><ul><li><a href="/1">첫 번째 다른 기사 제목입니다</a></li><li><a href="/2">두 번째 다른 기사 제목입니다</a></li></ul></div>
      <section><h2>Related stories</h2><ul><li><a href="/a">Another story about the council</a></li><li><a href="/b">A third story about libraries</a></li></ul></section>
      <div class="body"><p>시의회는 도서관 운영 시간을 밤 10시까지 늘리는 조례안을 통과시켰다. 지난해 저녁 방문객이 3분의 1 늘었다.</p><p>[매일 베스트 기사]</p><p><a href="/x">- 붙여 넣은 다른 기사 하나</a></p><p><a href="/y">- 붙여 넣은 다른 기사 둘</a></p>
      <p>관련 기사에 따르면 시는 내년 예산에 도서관 야간 운영비 12억 원을 반영하기로 했다. 시행은 3월부터다.</p></div>`,
    gone: ['많이 본 뉴스', '첫 번째 다른 기사', 'Related stories', 'A third story', '베스트 기사', '붙여 넣은 다른 기사'],
    keep: `<p>The related articles in the series show how the council changed its mind over a decade of budget fights.</p>
      <p><a href="#top">TOP</a></p>`,
    kept: ['시의회는 도서관 운영 시간을', '관련 기사에 따르면 시는 내년 예산에', 'The related articles in the series'],
  },
  'promo-line': {
    clutter: `<p>READ MORE: <a href="/x">China plague outbreak confirmed</a></p>
      <p><a href="/y">'DANCING WITH THE STARS' STAR OPENS UP ABOUT HEALTH</a></p><p>CLICK HERE TO GET THE APP</p>
      <p><strong>LEIA TAMBÉM |</strong> <a href="/z">Câmara aprova novo horário das bibliotecas municipais</a></p>
      <p>Lees ook: <a href="/w">Gemeente verlengt openingstijden van bibliotheken</a></p>`,
    gone: ['China plague', 'DANCING', 'CLICK HERE', 'LEIA TAMBÉM', 'Câmara aprova', 'Gemeente verlengt'],
    keep: `<p>Read more about the plan: the council published it on Monday, and residents can comment until May.</p><p>NASA SAYS YES</p>
      <p>Quelle: <a href="/q">Landtag NRW, Stellungnahmen zur Anhörung</a></p><p>The report: <a href="/r">the council published it on Monday.</a></p>`,
    kept: ['Read more about the plan', 'NASA SAYS YES', 'Landtag NRW', 'the council published it on Monday.'],
  },
  'trailing-links': {
    clutter: `<p>More from us</p><ul><li><a href="/a">Council votes to extend library hours again</a></li><li><a href="/b">Students ask for a quiet place to study at night</a></li></ul>
      <p><a href="/c">Ten libraries that stay open past midnight</a></p><p><a href="/d">How the city pays for its night staff</a></p>`,
    gone: ['More from us', 'Council votes to extend', 'quiet place to study', 'past midnight', 'night staff'],
    keep: `<p>The council said the longer hours will cost about two million dollars a year, paid from the library budget, and will start in March after a trial at two branches.</p>
      <h2>Sources</h2><ul><li><a href="/r1">Council report on library hours for 2019</a></li><li><a href="/r2">Budget note on evening staffing costs</a></li></ul>`,
    kept: ['will start in March', 'Council report on library hours', 'Budget note on evening staffing'],
  },
};

familyTests('related', CASES);

test('related-lists knows the English labels tabloids use ("DON\'T MISS", "More from UK")', () => {
  const story =
    '<p>The council voted on Tuesday to extend the opening hours of the city library until ten at night, after a year in which evening visits grew by a third and students asked for a quiet place to study.</p>';
  const root = parse(
    `<!doctype html><html><body><div>${story}<div class="more"><h3>DON'T MISS</h3><ul><li><a href="/p">Plague fears grow in the north</a></li><li><a href="/q">Two more cases confirmed</a></li></ul></div><section><h3>More from UK</h3><ul><li><a href="/r">Train strike called off</a></li><li><a href="/s">Storm warning for Wales</a></li></ul></section>${story}</div></body></html>`,
  ).body;
  removeClutter(root);
  const text = root.textContent ?? '';
  for (const gone of ["DON'T MISS", 'Plague fears', 'More from UK', 'Train strike']) expect(text).not.toContain(gone);
  expect(text).toContain('evening visits grew by a third');
});

test.each([
  ['Mehr zum Thema', 'Neue Öffnungszeiten für Bibliotheken', 'Studenten fordern Lernräume'],
  ['Auch interessant:', 'Stadtrat beschließt Haushalt', 'Bibliotheken im Vergleich'],
  ['Czytaj więcej', 'Biblioteki otwarte dłużej', 'Studenci chcą miejsc do nauki'],
  ['Lees ook', 'Bibliotheken langer open', 'Studenten willen studieplekken'],
  ['Les også', 'Biblioteket holder åpent lenger', 'Studenter vil ha lesesaler'],
  ['【関連記事】', '図書館の開館時間を延長', '学生が学習スペースを要望'],
  ['Más información', 'Las bibliotecas abren más tiempo', 'Los estudiantes piden salas'],
])('related-lists knows "%s" over a list of other stories', (label, a, b) => {
  const story =
    '<p>The council voted on Tuesday to extend the opening hours of the city library until ten at night, after a year in which evening visits grew by a third and students asked for a quiet place to study.</p>';
  const root = parse(
    `<!doctype html><html><body><div>${story}<div class="box"><h3>${label}</h3><ul><li><a href="/a">${a}</a></li><li><a href="/b">${b}</a></li></ul></div>${story}</div></body></html>`,
  ).body;
  removeClutter(root);
  const text = root.textContent ?? '';
  for (const gone of [label, a, b]) expect(text).not.toContain(gone);
  expect(text).toContain('evening visits grew by a third');
});
