// The background's side of key points written by the user's OpenAI-compatible provider (the page's
// side: page/key-points.ts). The request goes from here, like translation's: the key and the host
// permission for the provider's origin are here, never in a page. Sent only to a provider the user
// allowed for key points (platform/settings/key-points.ts), checked here too, whatever a page says.
import type { Handlers } from '@/platform/messages';
import { keyPointsConsent } from '@/platform/settings/key-points';
import { writeKeyPoints } from '@/lib/summary/provider-points';
import { providerOrigin, type FetchLike } from '@/lib/translate/providers/index';
import type { ProviderConfig } from '@/lib/translate/providers/registry';
import { TranslateError, translateErrorMessage } from '@/lib/translate/types';

/** Bounds of a request from a page (a sentence, and an article, far past any real one). */
const MAX_SENTENCES = 5000;
const MAX_SENTENCE_CHARS = 20_000;

function validRequest(r: unknown): r is { sentences: string[]; count: number; lang: string | null } {
  if (!r || typeof r !== 'object') return false;
  const { sentences, count, lang } = r as Record<string, unknown>;
  return (
    Array.isArray(sentences) &&
    sentences.length <= MAX_SENTENCES &&
    sentences.every((s) => typeof s === 'string' && s.length <= MAX_SENTENCE_CHARS) &&
    typeof count === 'number' &&
    Number.isFinite(count) &&
    (lang === null || (typeof lang === 'string' && lang.length < 40))
  );
}

export function keyPointsHandlers(options: {
  getConfig: () => Promise<ProviderConfig | null>;
  fetchImpl?: FetchLike;
}): Pick<Handlers, 'keypoints/write'> {
  return {
    'keypoints/write': async (request) => {
      try {
        if (!validRequest(request)) throw new TranslateError('malformed', 'not a key-points request');
        const config = await options.getConfig();
        const origin = providerOrigin(config);
        if (!config || !origin || !(await keyPointsConsent(origin)))
          throw new TranslateError('not-configured', 'key points may not be sent to this provider');
        const points = await writeKeyPoints(
          config,
          request,
          options.fetchImpl ? { runtime: { fetchImpl: options.fetchImpl } } : {},
        );
        return { ok: true, points };
      } catch (err) {
        return { ok: false, message: translateErrorMessage(err) };
      }
    },
  };
}
