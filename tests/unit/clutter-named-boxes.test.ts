// Clutter rules of the named-boxes family: boxes the page names as clutter by their class or id.
// Each rule's case: the clutter goes, article text that mentions the same things stays.
import { type Case, familyTests } from './clutter-helpers';

const CASES: Record<string, Case> = {
  navigation: {
    clutter: `<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
      <div class="breadcrumb"><a href="/">Start</a> › <a href="/local">Local pages</a></div>`,
    gone: ['Home', 'Sport', 'Start', 'Local pages'],
    keep: `<p>The council will <a href="/news">publish the menu of new opening hours</a> next week, the mayor said.</p>`,
    kept: ['publish the menu of new opening hours'],
  },
  'newsletter-box': {
    clutter: `<div class="article-body__newsletter"><h2>Breaking News Emails</h2><p>Get alerts.</p><button>SUBSCRIBE</button></div>`,
    gone: ['Breaking News Emails', 'Get alerts.', 'SUBSCRIBE'],
    keep: `<p>The newsletter the library sends each month now reaches 40,000 homes, the council said.</p>`,
    kept: ['The newsletter the library sends'],
  },
  'byline-box': {
    clutter: `<div class="article-byline"><span>Jane Roe</span> <time>Nov. 19, 2019</time></div><p class="meta">Opinion | 5 min read</p>`,
    gone: ['Jane Roe', 'Nov. 19', '5 min read'],
    keep: `<p>The report was written by <a class="author" href="/jr">Jane Doe</a> and two colleagues over a year.</p>`,
    kept: ['written by Jane Doe and two colleagues'],
  },
  'ad-box': {
    clutter: `<div class="ad-slot"><span>Sponsored message</span></div><div id="taboola-below"><a href="/x">You won't believe these</a></div>`,
    gone: ['Sponsored message', "You won't believe"],
    keep: `<div class="header-image"><p>The council will ban ads from the library's walls from next year, the mayor said.</p></div>`,
    kept: ['ban ads from the library'],
  },
  'related-box': {
    clutter: `<div class="related-stories"><h3>More</h3><ul><li><a href="/a">Another story</a></li><li><a href="/b">A third story</a></li></ul></div>`,
    gone: ['Another story', 'A third story'],
    keep: `<div class="related-note"><p>The related decision on parking fees, taken in May after a long debate in the chamber, is still under review by a court that will rule on it in the spring; officials said the libraries would not be affected by it in any way, whatever the outcome.</p></div>`,
    kept: ['The related decision on parking fees'],
  },
  'comment-box': {
    clutter: `<div class="comments-count"><a href="#c">12 Remarks</a></div>`,
    gone: ['12 Remarks'],
    keep: `<pre><code><span class="comment">// keep the library open</span>
open(library);</code></pre>`,
    kept: ['// keep the library open'],
  },
  'cookie-box': {
    clutter: `<div id="cookie-consent"><p>We value your privacy.</p><button>OK</button></div>`,
    gone: ['We value your privacy.'],
    keep: `<p>The library's website stopped using tracking cookies in 2020, the council said.</p>`,
    kept: ['stopped using tracking cookies'],
  },
  'tag-list': {
    clutter: `<div class="tags"><a href="/t/a">Libraries</a>, <a href="/t/b">Council</a>, <a href="/t/c">Budget</a></div>`,
    gone: ['Libraries,', 'Budget'],
    keep: `<div class="tag-note"><p>The council's price tag for the plan is $2 million over three years.</p></div>`,
    kept: ["The council's price tag"],
  },
  'carousel-box': {
    clutter: `<div class="rail"><div class="rail__item swiper-slide"><h3>RANDY ANDY</h3><a href="/a">Prince parties in unearthed pictures</a></div><div class="rail__item swiper-slide"><h3>TIME TRAVELLER</h3><a href="/b">Activist spotted in old photograph</a></div></div>`,
    gone: ['RANDY ANDY', 'unearthed pictures', 'TIME TRAVELLER'],
    keep: `<div class="slider-note"><p>The council's slider scale for late fines, set in 2019 after a long debate and a public consultation that drew more than two thousand replies from readers of all ages, will be kept for students, the librarian said.</p></div>`,
    kept: ["The council's slider scale"],
  },
  'screen-reader-text': {
    clutter: `<figure><img src="a.jpg" alt="swift"><span class="off-screen">Image copyright</span> <span class="story-image-copyright">Getty Images</span>
      <figcaption><span class="off-screen">Image caption</span> <span>Taylor Swift at the awards</span></figcaption></figure>
      <p><a href="/share"><span class="sr-only">Share on Facebook</span></a> <a href="/x"><i class="icon"></i><span class="visually-hidden">Tweet</span></a></p>
      <h3 class="blind">기사 본문</h3>`,
    gone: ['Image copyright', 'Image caption', 'Share on Facebook', 'Tweet', '기사 본문'],
    keep: `<p>The council's <span class="highlight">screen reader</span> pilot helps blind residents read the agenda, the clerk said.</p>
      <div class="sr-only-toggle">The budget was visible to everyone at the meeting, and nobody objected to its size or its timing this year.</div>`,
    kept: ['screen reader pilot helps blind residents', 'Taylor Swift at the awards', 'The budget was visible to everyone'],
  },
};

familyTests('named-boxes', CASES);
