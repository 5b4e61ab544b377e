// Clutter rules of the credits family: credits, sign-offs, date lines, bylines, author bios and header labels.
// Each rule's case: the clutter goes, article text that mentions the same things stays.
import { isBylineLine, removeClutter } from '@/lib/article/clutter';
import { type Case, body, familyTests } from './clutter-helpers';

const CASES: Record<string, Case> = {
  'reporter-email': {
    clutter: `<p class="by">홍길동 기자 hong@example.com</p>
      <p>MBN뉴스 안진우입니다. [tgar1@mbn.co.kr]</p>
      <div><br>YTN 나혜인 (dglee@ytn.co.kr)<br></div>`,
    gone: ['hong@example.com', '홍길동 기자', 'tgar1@mbn.co.kr', 'dglee@ytn.co.kr'],
    keep: `<p>IAB members can join the working group, please email <a href="mailto:adblocking@iab.com">adblocking@iab.com</a> for more information.</p>
      <p>자세한 내용은 문의처 info@example.org로 연락하면 된다고 시는 밝혔다.</p>`,
    kept: ['MBN뉴스 안진우입니다.', 'please email adblocking@iab.com for more information', '문의처 info@example.org로'],
  },
  'photo-credit': {
    clutter: `<figure><img src="a.jpg" alt="council"><figcaption>사진=연합뉴스</figcaption></figure>
      <p>영상편집 : 김경준</p><p>Photo: Getty Images</p><p>/연합뉴스</p>
      <figure><img src="b.jpg" alt="vance"><figcaption>비트코인 2025에서 연설 중인 JD 밴스 미국 부통령. 사진=BTC미디어</figcaption></figure>
      <div class="cap">출정식에서 지지자들에게 인사하고 있다. [사진 출처 = 연합뉴스]</div>
      <figure><img src="c.jpg" alt="sachs"><figcaption>세션에 참가한 데이비드 삭스 크립토 차르. &lt;이종화 기자&gt;</figcaption></figure>
      <p><span>图像来源，</span>Getty Images</p><p>Image source, Reuters</p><p>(责编：牛镛、岳弘彬)</p>
      <figure><img src="d.jpg" alt="d"><figcaption>The hospital where patients were treated<span>Credit: EPA</span></figcaption></figure>
      <p>J. Scott Applewhite / AP file</p><p>Natalie Naccache | Bloomberg | Getty Images</p>
      <figure><img src="e.jpg" alt="e"><figcaption>A row of unsold cars at a dealership. (AP Photo/David Zalubowski)</figcaption></figure>
      <figure><img src="f.jpg" alt="f"><figcaption>후보가 유세에서 연설하고 있다. 연합뉴스</figcaption><cite>NASA Worldview</cite></figure>
      <figure><img src="g.jpg" alt="g"><figcaption>ソウルの国会前で警備に当たる警察官ら＝ＡＰ</figcaption></figure>
      <figure><img src="h.jpg" alt="h"><figcaption>Traders work on the floor of the exchange in New York, November 18, 2019. REUTERS/Brendan McDermid</figcaption></figure>
      <p>백아영 / 화면캡처 MBC</p><p>新华社记者</p>`,
    gone: [
      '사진=연합뉴스',
      '영상편집',
      'Getty Images',
      '/연합뉴스',
      'BTC미디어',
      '사진 출처',
      '이종화 기자',
      '图像来源',
      'Reuters',
      '责编',
      'Credit: EPA',
      'Applewhite',
      'Bloomberg',
      'AP Photo',
      '연합뉴스',
      'NASA Worldview',
      '＝ＡＰ',
      'McDermid',
      '화면캡처',
      '新华社记者',
    ],
    keep: `<p>사진 속 인물은 1978년 공장에서 일하던 시절의 이재명 당선인이다.</p>
      <p>The photo: a crowd outside the library at ten at night, waiting for the doors to open again.</p>`,
    kept: [
      '사진 속 인물은',
      'a crowd outside the library',
      '연설 중인 JD 밴스 미국 부통령.',
      '지지자들에게 인사하고 있다.',
      '데이비드 삭스 크립토 차르.',
      'The hospital where patients were treated',
      'A row of unsold cars at a dealership.',
      '유세에서 연설하고 있다.',
      '警備に当たる警察官ら',
      'Traders work on the floor of the exchange in New York, November 18, 2019.',
    ],
  },
  dateline: {
    clutter: `<span class="time">기사입력 2023-04-04 19:01 l 최종수정 2023-04-04 19:56</span>
      <p>Updated: 2024-05-01 10:00 KST</p><p>2023年4月4日 18:32 (2023年4月4日 19:19更新)</p>
      <p>PUBLISHED: 10:48, Tue, Nov 19, 2019</p><div>Published 1 day ago</div><p>Nov. 20, 2019, 9:28 AM UTC</p>
      <p>Updated on: November 19, 2019 / 10:07 AM / CBS News</p>
      <p>Stand: 24.04.2024 22:58 Uhr</p><p>Freitag, 28.04.2023, 19:25</p><p>Uppdaterad 2024-05-14 15:59</p>
      <p>sexta-feira, 22 de outubro de 2010 às 20:13</p><p>Julkaistu 14.5.2024 klo 9:30</p>`,
    gone: [
      '기사입력',
      '최종수정',
      'Updated: 2024',
      '19:19更新',
      'PUBLISHED',
      '1 day ago',
      '9:28 AM',
      'CBS News',
      'Stand: 24.04.2024',
      'Freitag, 28.04.2023',
      'Uppdaterad',
      'sexta-feira',
      'Julkaistu',
    ],
    keep: `<p>수정 2023년 예산안은 4월 4일 국회를 통과했으며 정부는 이를 환영했다.</p>
      <p>Published 2019, the report was updated twice before the council voted on it this week.</p>
      <p>10 p.m.</p><p>July 19 – Toronto, ON</p><ul><li>May 3, 2019</li></ul><p>Viewing age of 48 months and above</p>
      <p>Stand der Dinge am 24.04.2024: der Rat tagt erneut.</p>`,
    kept: [
      '수정 2023년 예산안은',
      'Published 2019, the report',
      '10 p.m.',
      'July 19 – Toronto, ON',
      'May 3, 2019',
      'Viewing age of 48 months',
      'Stand der Dinge am 24.04.2024',
    ],
  },
  'header-labels': {
    clutter: `<header><p>Entertainment</p><h2>Libraries stay open late</h2><p>Opinion Columnist</p></header>`,
    gone: ['Entertainment', 'Opinion Columnist'],
    keep: `<header><h2>Late hours</h2><p>The council says evening visits grew by a third in a year.</p></header>`,
    kept: ['Libraries stay open late', 'Late hours', 'evening visits grew by a third'],
  },
  'byline-line': {
    context: { byline: 'Jane Roe' },
    clutter: `<p>By Paul Takahashi</p><p>By Justine Coleman - 11/18/19 11:04 PM EST</p><p>Jane Roe</p><p>— Jane Roe, March 3, 2024</p>
      <p>Reporting by Rodrigo Campos; additional reporting by Saqib Iqbal Ahmed; Editing by Nick Zieminski</p>`,
    gone: ['Takahashi', 'Coleman', 'Jane Roe', 'March 3, 2024', 'Rodrigo Campos', 'Zieminski'],
    keep: `<p>By the end of the year, the council will vote on the budget again.</p><h3>By Night</h3>`,
    kept: ['By the end of the year', 'By Night'],
  },
  'author-bio': {
    context: { byline: 'Phil Helsel' },
    clutter: `<p>Phil Helsel is a reporter for NBC News.</p><div class="author-bio"><p>Jane writes about cities.</p></div>
      <div class="post-about-the-author"><p>Kim covers science.</p></div><section id="aboutAuthor"><p>Lee edits the books desk.</p></section>`,
    gone: ['is a reporter for', 'Jane writes about cities', 'Kim covers science', 'Lee edits the books desk'],
    // One of the words alone, or the words in another order, names no bio box.
    keep: `<div class="author-quote"><p>The mayor, who is a former librarian, said the new hours would help students.</p></div>
      <div class="the-author about"><p>Residents wrote to the council about the hours.</p></div>`,
    kept: ['who is a former librarian', 'Residents wrote to the council'],
  },
};

familyTests('credits', CASES);

test('a caption credit goes, its picture stays', () => {
  const root = body(CASES['photo-credit']!);
  removeClutter(root);
  expect(root.querySelector('img[alt="council"]')).not.toBeNull();
  expect(root.querySelector('img[alt="vance"]')).not.toBeNull();
});

describe('helpers', () => {
  test("isBylineLine: the author's line, with or without a date, but not a sentence that opens with the name", () => {
    expect(isBylineLine('— Jane Roe, March 3, 2024', 'Jane Roe')).toBe(true);
    expect(isBylineLine('Jane Roe', 'By Jane Roe')).toBe(true);
    expect(isBylineLine('By Paul Takahashi', null)).toBe(true);
    expect(isBylineLine('Jane Roe said the budget would pass in May.', 'Jane Roe')).toBe(false);
    expect(isBylineLine('Jack Doe', 'Jane Roe')).toBe(false);
  });
});
