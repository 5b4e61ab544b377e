// Family "promos": what a page sells beside the story: calls to subscribe, newsletter and alert
// prompts, and the labels of ad slots. They speak to the reader ("Subscribe to …", "… delivered to
// your inbox"), which news prose does not.
import { AD_LABEL, NEWSLETTER_PROMPT, SUBSCRIBE_CALL, SUBSCRIBE_PROMPT } from '@/lib/article/clutter/data';
import { shortLineRule } from '@/lib/article/clutter/short-lines';
import { looksLikeProse } from '@/lib/article/clutter/text-tests';

export const subscribePrompt = shortLineRule(
  'subscribe-prompt',
  'promos',
  'Subscription prompts ("기자 구독", "Subscribe to our newsletter", "Need more space? Subscribe to our sister title…"): calls to action that address the reader, never a sentence reporting on subscriptions.',
  (text) => SUBSCRIBE_CALL.test(text) || (SUBSCRIBE_PROMPT.test(text) && !looksLikeProse(text)),
  200,
  { line: true, prose: true },
);

export const adLabel = shortLineRule(
  'ad-label',
  'promos',
  'Ad labels ("Advertisement", "Continue reading below", "Anzeige", "광고"): the whole line is the label.',
  AD_LABEL,
  60,
);

export const newsletterPrompt = shortLineRule(
  'newsletter-prompt',
  'promos',
  'Newsletter and alert prompts ("Get breaking news alerts…", "…delivered to your inbox", "Sign up for our …"): wording that speaks to the reader, not news prose.',
  NEWSLETTER_PROMPT,
  250,
  { prose: true },
);
