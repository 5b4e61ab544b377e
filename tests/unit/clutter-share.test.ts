// Clutter rules of the share family: share bars, share and follow prompts, hashtag lines and comment prompts.
// Each rule's case: the clutter goes, article text that mentions the same things stays.
import { type Case, familyTests } from './clutter-helpers';

const CASES: Record<string, Case> = {
  'share-bar': {
    clutter: `<div class="share"><a href="https://www.facebook.com/sharer/sharer.php?u=x">페이스북</a><a href="https://twitter.com/intent/tweet?url=x">트위터</a><button>공유하기</button><span>좋아요 12</span></div>
      <ul class="social"><li>Share</li><li>Tweet</li><li>Email</li></ul>
      <p>|공유|인쇄|</p><p>(3) Share: Facebook · Twitter</p><ul><li>E-Mail</li><li>Teilen</li><li>Drucken</li></ul><p>Partager</p>`,
    gone: ['좋아요 12', 'Tweet', 'Email', '공유|인쇄', 'Share: Facebook', 'Teilen', 'Drucken', 'Partager'],
    keep: `<p>회사는 페이스북과 트위터에 공유하기 버튼을 없애고 댓글 기능도 닫기로 했다.</p>
      <table><tr><td>2019</td><td>63</td></tr></table>
      <p><a href="/doc">link</a></p>
      <div class="writer">Jane Roe <a href="https://twitter.com/intent/follow?screen_name=jroe">@jroe</a> <a href="https://twitter.com/intent/user?screen_name=jroe">Follow</a></div>
      <p>Be sure to visit the shelter on <a href="https://facebook.com/shelter">Facebook</a>, <a href="https://twitter.com/shelter">Twitter</a> and Instagram.</p>
      <p>The results sent <a href="/q">shares</a> lower ahead of the open.</p>`,
    kept: [
      '공유하기 버튼을 없애고',
      '2019',
      '63',
      'link',
      'Jane Roe @jroe',
      'visit the shelter on Facebook, Twitter and Instagram.',
      'sent shares lower',
    ],
  },
  'hashtag-line': {
    clutter: `<p>#고물가 #짠테크 #오픈채팅</p><div>#library #council</div>`,
    gone: ['#고물가', '#짠테크', '#library'],
    keep: `<p>#MeToo 운동은 2017년 미국에서 시작됐다.</p><p>Use the tag #LateLibrary to share your photos, the council asked.</p>`,
    kept: ['#MeToo 운동은', 'Use the tag #LateLibrary'],
  },
  'comment-prompt': {
    clutter: `<p>12 Comments</p><div><a href="#c">Post Comment (+)</a></div><p>Tell us what YOU think...</p>`,
    gone: ['12 Comments', 'Post Comment', 'Tell us what'],
    keep: `<p>The council received 12 comments from residents on the plan, a spokesman said.</p>`,
    kept: ['received 12 comments'],
  },
  'share-prompt': {
    clutter: `<p>Like this story? Share it with a friend!</p><p>Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.</p><li>View author archive</li>`,
    gone: ['Share it with a friend', 'Follow Newsbeat', 'author archive'],
    keep: `<p>Residents were invited to share their views at a public meeting on Monday, the council said.</p>`,
    kept: ['invited to share their views'],
  },
};

familyTests('share', CASES);
