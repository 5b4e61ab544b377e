// Key points written by the user's OpenAI-compatible provider (the chat model they configured for
// translation): the prompt, the article as sent, and the answer read strictly. The answer is
// untrusted text from a server: only plain-text points come out of it (markup, control and
// direction characters removed, each point bounded), three to five of them, or a 'malformed'
// TranslateError (the caller then shows the points made on the device, with the error's sentence).
import { chatWith } from '@/lib/translate/providers/index';
import type { ProviderRuntime } from '@/lib/translate/providers/provider';
import type { ProviderConfig } from '@/lib/translate/providers/registry';
import { TranslateError } from '@/lib/translate/types';

/**
 * The most of an article sent, in whole sentences. Local servers often run with a small context
 * (Ollama's default is 2,048 to 4,096 tokens; a Korean character is about a token): the lead of a
 * news article carries its point, and a model given more than it holds would silently drop the start.
 */
const MAX_INPUT_CHARS = 6000;
/** The longest point kept (a sentence; a model that answers an essay gets it cut at a word). */
export const MAX_POINT_CHARS = 300;

/** English name of the article's language for the prompt, or null. */
function languageName(lang: string | null): string | null {
  if (!lang) return null;
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(lang) ?? null;
  } catch {
    return null;
  }
}

export function keyPointsPrompt(count: number, lang: string | null): string {
  const name = languageName(lang);
  return [
    `You summarize news articles. Write the ${count} key points of the article in the user's message${name ? `, in ${name}` : ', in the language it is written in'}.`,
    'Each point is one short plain sentence that states what the article says; add nothing the article does not say.',
    `Answer with only a JSON array of ${count} strings, most important first. No markdown, no HTML, no comments.`,
  ].join('\n');
}

/** The article as sent: its sentences, whole, up to `max` characters. */
export function articleForPrompt(sentences: readonly string[], max = MAX_INPUT_CHARS): string {
  let out = '';
  for (const s of sentences) {
    const next = out ? `${out} ${s}` : s;
    if (next.length > max) return out || s.slice(0, max);
    out = next;
  }
  return out;
}

// Characters a point never needs: controls and format characters (zero-width ones, bidirectional
// overrides, which can make shown text read otherwise than it is); controls become spaces.
const INVISIBLE = /\p{Cf}/gu;

/** One point as plain text: tags and markdown taken off, spaces collapsed, bounded; '' when nothing is left. */
export function cleanPoint(raw: string): string {
  let s = raw
    .replace(INVISIBLE, '')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^<>]*>/g, ' ')
    .replace(/^\s*(?:[-*•·]|\d+[.)])\s+/u, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^["“”'‘’]+|["“”'‘’]+$/gu, '')
    .trim();
  if (s.length > MAX_POINT_CHARS) {
    const cut = s.slice(0, MAX_POINT_CHARS);
    const space = cut.lastIndexOf(' ');
    s = `${space > MAX_POINT_CHARS / 2 ? cut.slice(0, space) : cut}…`;
  }
  return /[\p{L}\p{N}]/u.test(s) ? s : '';
}

/** A line that introduces the list ("Here are the key points:") rather than being one. */
const isPreamble = (line: string) => /[:：]\s*$/u.test(line) && line.length < 80;

/**
 * The points in a model's answer: a JSON array of strings (bare, fenced, or as {"points": […]}), or
 * else one point a line (bullets and numbers taken off). Three to five plain-text points, or a
 * 'malformed' TranslateError.
 */
export function parseKeyPoints(content: string): string[] {
  const unfenced = content
    .replace(/^\s*```[a-z]*\s*/i, '')
    .replace(/\s*```\s*$/, '')
    .trim();
  let items: unknown[] | null = null;
  const start = unfenced.search(/[[{]/);
  if (start >= 0 && start < 40) {
    try {
      const parsed: unknown = JSON.parse(
        unfenced.slice(start, Math.max(unfenced.lastIndexOf(']'), unfenced.lastIndexOf('}')) + 1),
      );
      items = Array.isArray(parsed)
        ? parsed
        : parsed && typeof parsed === 'object'
          ? (Object.values(parsed as Record<string, unknown>).find(Array.isArray) ?? null)
          : null;
      if (!items || items.some((x) => typeof x !== 'string'))
        throw new TranslateError('malformed', 'the model did not answer with a list of key points');
    } catch (err) {
      if (err instanceof TranslateError) throw err;
      items = null; // not JSON: read it as lines
    }
  }
  const lines = items ? (items as string[]) : unfenced.split(/\n+/).filter((l) => !isPreamble(l.trim()));
  const points: string[] = [];
  for (const line of lines) {
    const point = cleanPoint(line);
    if (point && !points.includes(point)) points.push(point);
  }
  if (points.length < 3)
    throw new TranslateError('malformed', `the model answered ${points.length} key point${points.length === 1 ? '' : 's'}`);
  return points.slice(0, 5);
}

/** Key points of `sentences` written by `config`'s chat model; every failure a TranslateError. */
export async function writeKeyPoints(
  config: ProviderConfig,
  request: { sentences: readonly string[]; count: number; lang: string | null },
  options: { runtime?: ProviderRuntime; signal?: AbortSignal } = {},
): Promise<string[]> {
  const chat = chatWith(config, options.runtime);
  if (!chat) throw new TranslateError('not-configured', 'this provider writes no key points');
  const count = Math.max(3, Math.min(5, Math.round(request.count)));
  const answer = await chat(
    keyPointsPrompt(count, request.lang),
    articleForPrompt(request.sentences),
    options.signal ?? new AbortController().signal,
  );
  return parseKeyPoints(answer);
}
