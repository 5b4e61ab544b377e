// A local translation server on 127.0.0.1 for the unit tests, the benchmark and the end-to-end
// tests. It speaks three protocols, closely enough for our providers to meet the real thing:
//   LibreTranslate   POST /translate   {q: string | string[], source, target, format, api_key}
//                    GET  /languages   [{code, name, targets}]
//                    errors {"error": "…"} with 400 / 403 / 429 / 500
//   DeepL            POST /v2/translate  JSON {text: [], source_lang?, target_lang, tag_handling?}
//                    `Authorization: DeepL-Auth-Key KEY`; errors {"message": "…"}, 403 bad key,
//                    456 quota (key "quota-exceeded" or "quota-exceeded:fx")
//   OpenAI-compatible POST /v1/chat/completions (the user message is a JSON array of paragraphs),
//                    GET /v1/models; errors {"error": {"message", "type"}}
// "Translation" is deterministic: "[ko] " + the text, so markup placeholders, numbers and URLs
// come back untouched and a test can tell a translated paragraph from the original.
// Key points (a chat whose system prompt asks for "the N key points"): N sentences of the article,
// spread over it, each with its last word and end mark taken off (a written point restates its
// sentence in fewer words), as a JSON array; `keyPointsAnswer(content, times)` makes the next
// answers carry `content` instead (markup, too many points, prose). `stats.keyPoints` counts them.
// CORS as the real servers send it: LibreTranslate and OpenAI-compatible servers (Ollama, LM
// Studio) answer with Access-Control-Allow-Origin; DeepL's API does not (an extension with a host
// permission does not need it).
//
// Counters: `stats.requests` (translation requests), `stats.chars` (characters of text sent to
// be translated), `stats.bytes` (request bodies of those requests, JSON and prompts included),
// `stats.all` (every request, /languages and preflights included), `stats.byPath`, `stats.dropped`
// (answers the client hung up on before their end).
// Faults: `fail(status, times, {retryAfter, body})` makes the next `times` translation requests
// answer `status` (Retry-After: the value as given, seconds or a date); the key "bad-key" always
// gets 401/403; `openaiShortBy(n, times)` makes the chat endpoint answer n translations too few;
// `oversize(chars, times)` makes LibreTranslate answer 200 with a first translation of `chars`
// characters; `drip(bytes, everyMs, times)` makes LibreTranslate send its answer `bytes` at a
// time; `append(text, times)` adds `text` to every LibreTranslate translation (hostile markup);
// `delay` (ms per request) and `perCharMs` slow it.
import { createServer } from 'node:http';
import { URLSearchParams } from 'node:url';

const LANGS = [
  'en',
  'ko',
  'ja',
  'zh-Hans',
  'zh-Hant',
  'es',
  'fr',
  'de',
  'pt',
  'ru',
  'ar',
  'hi',
  'it',
  'tr',
  'vi',
  'id',
  'pl',
  'uk',
  'nl',
  'th',
];
const DEEPL_TARGETS = new Set([
  'EN-US',
  'EN-GB',
  'KO',
  'JA',
  'ZH-HANS',
  'ZH-HANT',
  'ES',
  'FR',
  'DE',
  'PT-BR',
  'PT-PT',
  'RU',
  'AR',
  'IT',
  'TR',
  'ID',
  'PL',
  'UK',
  'NL',
]);
const BAD_KEY = 'bad-key';
const QUOTA_KEY = /^quota-exceeded(:fx)?$/;

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
};

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** The deterministic "translation": a language tag in front, the rest unchanged. */
function fakeTranslate(text, target) {
  return `[${String(target).toLowerCase()}] ${text}`;
}

/** The fake model's key points: `count` sentences spread over the text, each shortened by its last word. */
function writtenPoints(text, count) {
  const sentences = text
    .match(/[^.!?。]+[.!?。]+/gu)
    ?.map((x) => x.trim())
    .filter((x) => x.length > 10) ?? [text];
  const points = [];
  for (let i = 0; i < count && i < sentences.length; i++) {
    const s = sentences[Math.floor((i * sentences.length) / count)];
    points.push(s.replace(/\s*\S+[.!?。]+$/u, '') || s);
  }
  return points;
}

/** English language name in a prompt ("to Korean.") → code ("ko"). */
function codeFromPrompt(prompt) {
  const m = /\bto ([A-Z][\w() -]*?)\.(?:\s|$)/.exec(prompt ?? '');
  if (!m) return 'xx';
  const names = new Intl.DisplayNames(['en'], { type: 'language' });
  // Every two-letter code, and Chinese's two scripts: the server knows no list of its own.
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const codes = ['zh-TW', ...[...letters].flatMap((a) => [...letters].map((b) => a + b))];
  return codes.find((code) => names.of(code) === m[1]) ?? 'xx';
}

/**
 * @param {{port?: number, apiKey?: string, delay?: number, perCharMs?: number, ollamaOrigins?: boolean}} [options]
 *   apiKey: when set, LibreTranslate and OpenAI requests must carry it (else any key but "bad-key").
 *   ollamaOrigins: refuse extension origins on /v1 with an empty 403, as Ollama does by default.
 */
export async function startTranslateServer(options = {}) {
  const stats = { requests: 0, chars: 0, bytes: 0, all: 0, byPath: {}, dropped: 0, keyPoints: 0 };
  const keyPointAnswers = [];
  const faults = [];
  let shortBy = { n: 0, times: 0 };
  const state = { delay: options.delay ?? 0, perCharMs: options.perCharMs ?? 0 };

  const takeFault = () => {
    const f = faults[0];
    if (!f) return null;
    if (--f.times <= 0) faults.shift();
    return f;
  };

  const send = (res, status, body, headers = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const deepl = path.startsWith('/v2/');
    const cors = deepl ? {} : CORS;
    stats.all++;
    stats.byPath[path] = (stats.byPath[path] ?? 0) + 1;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body = {};
    try {
      body = raw
        ? String(req.headers['content-type']).includes('application/x-www-form-urlencoded')
          ? Object.fromEntries(new URLSearchParams(raw))
          : JSON.parse(raw)
        : {};
    } catch {
      const err = deepl
        ? { message: 'Invalid JSON' }
        : path.startsWith('/v1/')
          ? { error: { message: 'Invalid JSON body', type: 'invalid_request_error' } }
          : { error: 'Invalid request: malformed JSON' };
      send(res, 400, err, cors);
      return;
    }

    const isTranslation =
      req.method === 'POST' && (path === '/translate' || path === '/v2/translate' || path === '/v1/chat/completions');
    if (isTranslation) {
      stats.requests++;
      stats.bytes += Buffer.byteLength(raw);
      const fault = takeFault();
      if (fault?.drip && path === '/translate') {
        // A server that holds the connection and lets its answer trickle out.
        const list = Array.isArray(body.q) ? body.q : [body.q];
        const answer = JSON.stringify({ translatedText: list.map((s) => fakeTranslate(s, body.target)) });
        let gone = false;
        res.on('close', () => {
          if (!res.writableFinished) {
            gone = true;
            stats.dropped++;
          }
        });
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', ...cors });
        for (let i = 0; i < answer.length && !gone; i += fault.drip.bytes) {
          res.write(answer.slice(i, i + fault.drip.bytes));
          await sleep(fault.drip.everyMs);
        }
        if (!gone) res.end();
        return;
      }
      if (fault?.append !== undefined && path === '/translate') {
        const list = Array.isArray(body.q) ? body.q : [body.q];
        const out = list.map((s) => fakeTranslate(s, body.target) + fault.append);
        send(res, 200, { translatedText: Array.isArray(body.q) ? out : out[0] }, cors);
        return;
      }
      if (fault?.oversize) {
        // A hostile or broken server: a well-formed answer whose first translation is enormous.
        const list = Array.isArray(body.q) ? body.q : [body.q];
        send(res, 200, { translatedText: list.map((_, i) => (i === 0 ? 'x'.repeat(fault.oversize) : 'y')) }, cors);
        return;
      }
      if (fault) {
        const headers = { ...cors, ...(fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {}) };
        const message = fault.body ?? `Injected failure ${fault.status}`;
        send(
          res,
          fault.status,
          deepl ? { message } : path.startsWith('/v1/') ? { error: { message, type: 'server_error' } } : { error: message },
          headers,
        );
        return;
      }
    }

    // ---------------------------------------------------------------- LibreTranslate
    if (path === '/languages' && req.method === 'GET') {
      send(
        res,
        200,
        LANGS.map((code) => ({ code, name: code, targets: LANGS.filter((c) => c !== code) })),
        cors,
      );
      return;
    }
    if (path === '/translate' && req.method === 'POST') {
      const key = body.api_key ?? '';
      if (key === BAD_KEY || (options.apiKey && key !== options.apiKey)) {
        send(res, 403, { error: 'Invalid API key' }, cors);
        return;
      }
      const { q, source, target } = body;
      if (q === undefined || q === null) return send(res, 400, { error: 'Invalid request: missing q parameter' }, cors);
      if (!source) return send(res, 400, { error: 'Invalid request: missing source parameter' }, cors);
      if (!target) return send(res, 400, { error: 'Invalid request: missing target parameter' }, cors);
      if (source !== 'auto' && !LANGS.includes(source)) return send(res, 400, { error: `${source} is not supported` }, cors);
      if (!LANGS.includes(target)) return send(res, 400, { error: `${target} is not supported` }, cors);
      const list = Array.isArray(q) ? q : [q];
      stats.chars += list.reduce((n, s) => n + String(s).length, 0);
      await sleep(state.delay + state.perCharMs * list.reduce((n, s) => n + String(s).length, 0));
      const out = list.map((s) => fakeTranslate(s, target));
      send(
        res,
        200,
        Array.isArray(q)
          ? {
              translatedText: out,
              ...(source === 'auto' ? { detectedLanguage: out.map(() => ({ confidence: 90, language: 'en' })) } : {}),
            }
          : { translatedText: out[0] },
        cors,
      );
      return;
    }

    // ---------------------------------------------------------------- DeepL
    if (path === '/v2/translate' && req.method === 'POST') {
      const auth = String(req.headers.authorization ?? '');
      const key = auth.startsWith('DeepL-Auth-Key ') ? auth.slice('DeepL-Auth-Key '.length).trim() : '';
      if (!key || key === BAD_KEY) return send(res, 403, { message: 'Authorization failure, check auth_key' });
      if (QUOTA_KEY.test(key)) return send(res, 456, { message: 'Quota Exceeded' });
      const texts = body.text;
      if (!Array.isArray(texts) || !texts.length) return send(res, 400, { message: "Parameter 'text' not specified." });
      if (texts.length > 50) return send(res, 413, { message: 'Too many texts in one request.' });
      const target = String(body.target_lang ?? '').toUpperCase();
      if (!target) return send(res, 400, { message: "Parameter 'target_lang' not specified." });
      if (!DEEPL_TARGETS.has(target)) return send(res, 400, { message: "Value for 'target_lang' not supported." });
      stats.chars += texts.reduce((n, s) => n + String(s).length, 0);
      await sleep(state.delay + state.perCharMs * texts.reduce((n, s) => n + String(s).length, 0));
      send(res, 200, {
        translations: texts.map((s) => ({
          detected_source_language: String(body.source_lang ?? 'EN').toUpperCase(),
          text: fakeTranslate(s, target),
        })),
      });
      return;
    }

    // ---------------------------------------------------------------- OpenAI-compatible
    if (path.startsWith('/v1/') && options.ollamaOrigins && /^(chrome|moz)-extension:/.test(String(req.headers.origin ?? ''))) {
      // Ollama's default: extension origins are refused (403, empty body) unless OLLAMA_ORIGINS lists them.
      res.writeHead(403).end();
      return;
    }
    if (path.startsWith('/v1/')) {
      const auth = String(req.headers.authorization ?? '');
      const key = auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
      if (key === BAD_KEY || (options.apiKey && key !== options.apiKey)) {
        return send(
          res,
          401,
          { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' } },
          cors,
        );
      }
      if (path === '/v1/models' && req.method === 'GET')
        return send(res, 200, { object: 'list', data: [{ id: 'echo-1', object: 'model', owned_by: 'local' }] }, cors);
      if (path === '/v1/chat/completions' && req.method === 'POST') {
        if (body.model !== 'echo-1')
          return send(res, 404, { error: { message: `model '${body.model}' not found`, type: 'invalid_request_error' } }, cors);
        const system = body.messages?.find((m) => m.role === 'system')?.content ?? '';
        const user = body.messages?.find((m) => m.role === 'user')?.content ?? '';
        const asked = /\bthe (\d+) key points\b/.exec(system);
        if (asked) {
          stats.keyPoints++;
          stats.chars += user.length;
          await sleep(state.delay + state.perCharMs * user.length);
          const set = keyPointAnswers[0];
          if (set && --set.times <= 0) keyPointAnswers.shift();
          const content = set ? set.content : JSON.stringify(writtenPoints(user, Number(asked[1])));
          return send(
            res,
            200,
            {
              id: `chatcmpl-${stats.requests}`,
              object: 'chat.completion',
              model: body.model,
              choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
            },
            cors,
          );
        }
        let paragraphs;
        try {
          paragraphs = JSON.parse(user);
        } catch {
          paragraphs = [user];
        }
        if (!Array.isArray(paragraphs)) paragraphs = [String(paragraphs)];
        stats.chars += paragraphs.reduce((n, s) => n + String(s).length, 0);
        await sleep(state.delay + state.perCharMs * paragraphs.reduce((n, s) => n + String(s).length, 0));
        const lang = codeFromPrompt(system);
        let out = paragraphs.map((s) => fakeTranslate(s, lang));
        if (shortBy.times > 0) {
          shortBy.times--;
          out = out.slice(0, Math.max(0, out.length - shortBy.n));
        }
        return send(
          res,
          200,
          {
            id: `chatcmpl-${stats.requests}`,
            object: 'chat.completion',
            model: body.model,
            choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: JSON.stringify(out) } }],
          },
          cors,
        );
      }
    }
    send(res, 404, { error: 'Not found' }, cors);
  });

  await new Promise((ok) => server.listen(options.port ?? 0, '127.0.0.1', () => ok(undefined)));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : options.port}`;
  return {
    origin,
    url: (p) => origin + (p.startsWith('/') ? p : `/${p}`),
    stats,
    /** The next `times` translation requests answer `status` (with Retry-After seconds when given). */
    fail(status, times = 1, extra = {}) {
      faults.push({ status, times, ...extra });
    },
    /** The next `times` LibreTranslate answers are 200 with a first translation of `chars` characters. */
    oversize(chars, times = 1) {
      faults.push({ status: 200, times, oversize: chars });
    },
    /** The next `times` LibreTranslate answers trickle out, `bytes` every `everyMs` ms (stats.dropped counts those hung up on). */
    drip(bytes, everyMs, times = 1) {
      faults.push({ status: 200, times, drip: { bytes, everyMs } });
    },
    /** The next `times` LibreTranslate answers carry `text` after every translation. */
    append(text, times = 1) {
      faults.push({ status: 200, times, append: text });
    },
    /** The next `times` key-points answers carry `content` as the model's text. */
    keyPointsAnswer(content, times = 1) {
      keyPointAnswers.push({ content, times });
    },
    /** The next `times` chat answers hold `n` translations too few. */
    openaiShortBy(n, times = 1) {
      shortBy = { n, times };
    },
    setDelay(delay, perCharMs = 0) {
      state.delay = delay;
      state.perCharMs = perCharMs;
    },
    reset() {
      stats.requests = 0;
      stats.chars = 0;
      stats.bytes = 0;
      stats.all = 0;
      stats.byPath = {};
      stats.dropped = 0;
      stats.keyPoints = 0;
      faults.length = 0;
      keyPointAnswers.length = 0;
      shortBy = { n: 0, times: 0 };
    },
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok(undefined));
      }),
  };
}
