// Any OpenAI-compatible chat endpoint (OpenAI, Ollama and LM Studio on localhost, hosted
// gateways): POST {baseUrl}/chat/completions. The paragraphs go as a JSON array; the prompt asks
// for a JSON array with exactly one translation per paragraph, and the answer is checked for
// count (the engine splits a batch whose count is wrong and tries the halves).
import { TranslateError, toTranslateError, type Translator } from '@/lib/translate/types';
import { baseUrl, originOf, requestJson, type FetchLike } from '@/lib/translate/providers/http';
import { defineProvider, optional, text } from '@/lib/translate/providers/provider';

export interface OpenAiConfig {
  kind: 'openai';
  baseUrl: string;
  model: string;
  apiKey?: string;
}

/** English name of a language for the prompt ("Korean"), the code itself when unknown. */
function englishName(code: string): string {
  if (!code || code === 'auto') return 'the language it is written in';
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function openAiPrompt(count: number, from: string, to: string): string {
  return [
    `You are a translation engine. Translate each paragraph of the JSON array in the user's message from ${englishName(from)} to ${englishName(to)}.`,
    'Keep the markup tags (<a1>…</a1>, <b>…</b>, <i>…</i>, <u>, <s>, <code>, <sub>, <sup>, <mark>, <br/>, <x1/>) around the words they belong to, and do not add others.',
    'Keep names of people and organisations, numbers, dates written in digits and URLs exactly as they are.',
    `Answer with only a JSON array of ${count} strings: one translation per input paragraph, in the same order. No comments, no code fences.`,
  ].join('\n');
}

/** The array in a model's answer: bare, fenced, or as {"translations": […]}. */
export function parseOpenAiAnswer(content: string, expected: number): string[] {
  const unfenced = content
    .replace(/^\s*```(?:json)?\s*/i, '')
    .replace(/\s*```\s*$/, '')
    .trim();
  let parsed: unknown;
  const tryParse = (s: string) => {
    try {
      parsed = JSON.parse(s);
      return true;
    } catch {
      return false;
    }
  };
  if (!tryParse(unfenced)) {
    const start = unfenced.indexOf('[');
    const end = unfenced.lastIndexOf(']');
    if (start < 0 || end <= start || !tryParse(unfenced.slice(start, end + 1))) {
      throw new TranslateError('malformed', `the model did not answer with a JSON array: ${content.slice(0, 120)}`);
    }
  }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    const inner = Object.values(parsed as Record<string, unknown>).find(Array.isArray);
    parsed = inner ?? parsed;
  }
  if (expected === 1 && typeof parsed === 'string') parsed = [parsed];
  if (!Array.isArray(parsed) || parsed.some((s) => typeof s !== 'string')) {
    throw new TranslateError('malformed', 'the model did not answer with an array of strings');
  }
  if (parsed.length !== expected) {
    throw new TranslateError('malformed', `the model answered ${parsed.length} translations for ${expected} paragraphs`);
  }
  return parsed as string[];
}

/** One chat request to the server: the system prompt and the user's message in, the answer's text out. */
type Chat = (system: string, user: string, signal: AbortSignal) => Promise<string>;

function openAiChat(config: { baseUrl: string; model: string; apiKey?: string }, fetchImpl: FetchLike = fetch) {
  const base = baseUrl(config.baseUrl).replace(/\/chat\/completions$/, '');
  const model = config.model.trim();
  if (!model) throw new TranslateError('not-configured', 'no model named');
  const apiKey = config.apiKey?.trim();
  const chat: Chat = async (system, user, signal) => {
    const body = await requestJson(fetchImpl, `${base}/chat/completions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}) },
      body: JSON.stringify({
        model,
        temperature: 0,
        stream: false,
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: user },
        ],
      }),
      signal,
    });
    const content = (body as { choices?: { message?: { content?: unknown } }[] } | null)?.choices?.[0]?.message?.content;
    if (typeof content !== 'string') throw new TranslateError('malformed', `no message in ${JSON.stringify(body).slice(0, 120)}`);
    return content;
  };
  return { id: `openai:${base}:${model}`, chat };
}

function createOpenAi(config: { baseUrl: string; model: string; apiKey?: string }, fetchImpl?: FetchLike): Translator {
  const { id, chat } = openAiChat(config, fetchImpl);
  return {
    cacheId: id,
    async translate(texts, from, to, signal) {
      const content = await chat(openAiPrompt(texts.length, from, to), JSON.stringify(texts), signal);
      return parseOpenAiAnswer(content, texts.length);
    },
  };
}

/** Any OpenAI-compatible chat server: its address, a model, and a key when it wants one. */
export const openAiProvider = defineProvider<OpenAiConfig>({
  kind: 'openai',
  label: 'optionsProviderOpenai',
  hint: 'optionsProviderOpenaiHint',
  where: 'network',
  fields: [
    {
      key: 'baseUrl',
      id: 'oai-base',
      label: 'optionsOpenaiBaseUrl',
      type: 'url',
      required: true,
      placeholder: 'http://localhost:11434/v1',
    },
    { key: 'model', id: 'oai-model', label: 'optionsOpenaiModel', type: 'text', required: true, placeholder: 'llama3.1' },
    { key: 'apiKey', id: 'oai-key', label: 'optionsApiKeyOptional', type: 'secret' },
  ],
  defaults: { baseUrl: '', model: '', apiKey: '' },
  normalize: (v) =>
    text(v.baseUrl) && text(v.model)
      ? { kind: 'openai', baseUrl: text(v.baseUrl), model: text(v.model), ...optional('apiKey', v.apiKey) }
      : null,
  origin: (config) => originOf(config.baseUrl),
  create: (config, runtime) => createOpenAi(config, runtime.fetchImpl),
  // The same server writes the article's key points (lib/summary/provider-points.ts).
  chat: (config, runtime) => openAiChat(config, runtime.fetchImpl).chat,
  mapError: (raw, config) => {
    const err = toTranslateError(raw);
    // Ollama answers 403 with an empty body to an extension's Origin unless OLLAMA_ORIGINS
    // allows it: say that, rather than blame a key the user never gave.
    if (err.status === 403 && !config.apiKey?.trim())
      return new TranslateError('auth', err.message, { status: 403, messageKey: 'translateErrorOrigins' });
    return err;
  },
});
