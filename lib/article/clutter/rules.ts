// Every clutter rule, in the order they run. The order matters: a rule reads what the ones before
// it left (screen-reader-text runs late because the widget rules find a font-size widget by its
// hidden label; adjacent-repeat runs last, on the lines the others kept).
import type { ClutterRule } from '@/lib/article/clutter/engine';
import { authorBio, bylineLineRule, dateline, headerLabels, photoCredit, reporterEmail } from '@/lib/article/clutter/credits';
import {
  adBox,
  bylineBox,
  carouselBox,
  commentBox,
  cookieBox,
  navigation,
  newsletterBox,
  relatedBox,
  screenReaderText,
  tagList,
} from '@/lib/article/clutter/named-boxes';
import { affiliateNotice, cookieNotice, copyrightLine, endMarker, mediaFallback, tipOff } from '@/lib/article/clutter/notices';
import { paywallEnd } from '@/lib/article/clutter/paywall';
import { adLabel, newsletterPrompt, subscribePrompt } from '@/lib/article/clutter/promos';
import { promoLine, relatedLists, trailingLinks } from '@/lib/article/clutter/related';
import { adjacentRepeat, repeatedCaption, titleRepeat, urlLine } from '@/lib/article/clutter/repeats';
import { commentPrompt, hashtagLine, shareBar, sharePrompt } from '@/lib/article/clutter/share';
import {
  aiSummary,
  backToTop,
  fontSizeWidget,
  galleryControls,
  hoverCard,
  reactionPrompt,
  stockTracker,
  translationWidget,
} from '@/lib/article/clutter/widgets';

/** The rules the pipeline runs (bench:extract's ablation leaves one out at a time, in place). */
export const CLUTTER_RULES: ClutterRule[] = [
  fontSizeWidget,
  translationWidget,
  aiSummary,
  shareBar,
  reactionPrompt,
  relatedLists,
  copyrightLine,
  backToTop,
  stockTracker,
  reporterEmail,
  photoCredit,
  dateline,
  paywallEnd,
  subscribePrompt,
  tipOff,
  hashtagLine,
  endMarker,
  navigation,
  headerLabels,
  newsletterBox,
  bylineBox,
  adBox,
  relatedBox,
  commentBox,
  cookieBox,
  tagList,
  adLabel,
  galleryControls,
  commentPrompt,
  newsletterPrompt,
  cookieNotice,
  mediaFallback,
  sharePrompt,
  bylineLineRule,
  promoLine,
  authorBio,
  hoverCard,
  repeatedCaption,
  trailingLinks,
  affiliateNotice,
  carouselBox,
  urlLine,
  titleRepeat,
  // Late: the other rules read these labels as signs (a font-size widget's hidden "글자 크기").
  screenReaderText,
  adjacentRepeat,
];
