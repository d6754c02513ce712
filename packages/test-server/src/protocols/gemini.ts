import type { ServerResponse } from 'node:http';
import { defaultErrorMessage, type Dialect, type Exchange } from '../dialect.js';
import { countWords, sendBody, sendSse, splitWords } from '../sse.js';

/**
 * The Gemini API (POST /v1beta/models/{model}:generateContent and
 * :streamGenerateContent?alt=sse): a GenerateContentResponse, or SSE events `data: {...}`
 * separated by CRLF CRLF as Google sends them, each a GenerateContentResponse with the next
 * parts; the last one carries `finishReason` and the full `usageMetadata`. Reasoning is sent
 * as parts with `thought: true` (what `thinkingConfig.includeThoughts` asks for).
 *
 * Faults: `content-filter` stops the text half-way with finishReason `SAFETY`;
 * `length-while-thinking` sends thought parts only, then `MAX_TOKENS`; `empty-choices` sends
 * chunks without candidates and no finishReason; `malformed-json` slips in an event whose data
 * is cut off; `reset-mid-stream` drops the connection inside the answer.
 */
export const geminiGenerateContent: Dialect = {
  protocol: 'google',

  readRequest(body, params) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('Invalid JSON payload received. Expected an object.');
    if (!Array.isArray(body.contents) || body.contents.length === 0) throw new Error('* GenerateContentRequest.contents: contents is not specified');
    return { model: params['model'] ?? '', prompt: lastUserText(body.contents), stream: params['action'] === 'streamGenerateContent' };
  },

  errorBody(status, message) {
    const code = statusName(status);
    const wording = message === defaultErrorMessage(status) ? (GEMINI_MESSAGES[code] ?? message) : message;
    return JSON.stringify({ error: { code: status, message: wording, status: code } }, null, 2);
  },

  respond(exchange) {
    return exchange.stream ? respondStream(exchange) : respondJson(exchange);
  },
};

/** The google.rpc status name of an HTTP status. */
function statusName(status: number): string {
  switch (status) {
    case 400:
      return 'INVALID_ARGUMENT';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'PERMISSION_DENIED';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'ABORTED';
    case 429:
      return 'RESOURCE_EXHAUSTED';
    case 499:
      return 'CANCELLED';
    case 501:
      return 'UNIMPLEMENTED';
    case 503:
      return 'UNAVAILABLE';
    case 504:
      return 'DEADLINE_EXCEEDED';
    default:
      return status >= 500 ? 'INTERNAL' : 'FAILED_PRECONDITION';
  }
}

const GEMINI_MESSAGES: Record<string, string> = {
  INVALID_ARGUMENT: 'Request contains an invalid argument.',
  UNAUTHENTICATED: 'API key not valid. Please pass a valid API key.',
  PERMISSION_DENIED: 'Permission denied: Consumer has been suspended.',
  NOT_FOUND: 'models/unknown is not found for API version v1beta, or is not supported for generateContent.',
  RESOURCE_EXHAUSTED:
    'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.',
  INTERNAL: 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
  UNAVAILABLE: 'The model is overloaded. Please try again later.',
  DEADLINE_EXCEEDED: 'The request timed out. Please try again.',
};

interface Content {
  role?: unknown;
  parts?: unknown;
}

function lastUserText(contents: Content[]): string {
  for (let index = contents.length - 1; index >= 0; index -= 1) {
    const content = contents[index];
    if (content?.role === 'user' || content?.role === undefined) return textOf(content?.parts);
  }
  return '';
}

function textOf(parts: unknown): string {
  if (!Array.isArray(parts)) return '';
  return parts.map((part: { text?: unknown }) => (typeof part?.text === 'string' ? part.text : '')).join('');
}

function promptTokens(body: { contents?: Content[]; systemInstruction?: Content }): number {
  let total = countWords(textOf(body.systemInstruction?.parts));
  for (const content of body.contents ?? []) total += countWords(textOf(content.parts));
  return total;
}

type FinishReason = 'STOP' | 'MAX_TOKENS' | 'SAFETY';

interface Plan {
  thoughts: string[];
  text: string[];
  finishReason: FinishReason;
}

function planOf(exchange: Exchange): Plan {
  const { answer, fault, pacing } = exchange;
  const thoughts = answer.reasoning === undefined ? [] : splitWords(answer.reasoning, pacing.tokensPerChunk);
  const text = splitWords(answer.text, pacing.tokensPerChunk);
  if (fault?.kind === 'content-filter') return { thoughts, text: text.slice(0, Math.ceil(text.length / 2)), finishReason: 'SAFETY' };
  if (fault?.kind === 'length-while-thinking') {
    const cut = thoughts.length > 0 ? thoughts : splitWords(`Let me think about "${exchange.request.prompt}" step by step.`, pacing.tokensPerChunk);
    return { thoughts: cut, text: [], finishReason: 'MAX_TOKENS' };
  }
  return { thoughts, text, finishReason: 'STOP' };
}

/** usageMetadata as Gemini reports it: candidatesTokenCount leaves the thoughts out, and is absent when there is no answer. */
function usageOf(exchange: Exchange, plan: Plan | undefined) {
  const prompt = promptTokens(exchange.request.body);
  const candidates = plan === undefined ? 0 : countWords(plan.text.join(''));
  const thoughts = plan === undefined ? 0 : countWords(plan.thoughts.join(''));
  return {
    promptTokenCount: prompt,
    ...(candidates > 0 ? { candidatesTokenCount: candidates } : {}),
    totalTokenCount: prompt + candidates + thoughts,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: prompt }],
    ...(thoughts > 0 ? { thoughtsTokenCount: thoughts } : {}),
  };
}

const SAFETY_RATINGS = [
  { category: 'HARM_CATEGORY_SEXUALLY_EXPLICIT', probability: 'NEGLIGIBLE' },
  { category: 'HARM_CATEGORY_HATE_SPEECH', probability: 'NEGLIGIBLE' },
  { category: 'HARM_CATEGORY_HARASSMENT', probability: 'NEGLIGIBLE' },
  { category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true },
];

function responseId(exchange: Exchange): string {
  return `LadderFake${String(exchange.request.index).padStart(6, '0')}`;
}

function respondJson(exchange: Exchange): Promise<boolean> {
  const { request, response, fault } = exchange;
  if (fault?.kind === 'malformed-json') {
    sendBody(response, 200, '{\n  "candidates": [\n    {\n      "content": {\n        "parts": [\n          {\n            "text": "cut');
    return Promise.resolve(false);
  }
  const plan = planOf(exchange);
  const parts: Record<string, unknown>[] = [];
  if (plan.thoughts.length > 0) parts.push({ text: plan.thoughts.join(''), thought: true });
  if (plan.text.length > 0) parts.push({ text: plan.text.join('') });
  const candidate: Record<string, unknown> = { content: { parts, role: 'model' }, finishReason: plan.finishReason, index: 0 };
  if (plan.finishReason === 'SAFETY') candidate['safetyRatings'] = SAFETY_RATINGS;
  const body = JSON.stringify(
    {
      ...(fault?.kind === 'empty-choices' ? {} : { candidates: [candidate] }),
      usageMetadata: usageOf(exchange, fault?.kind === 'empty-choices' ? undefined : plan),
      modelVersion: request.model,
      responseId: responseId(exchange),
    },
    null,
    2,
  );
  if (fault?.kind === 'reset-mid-stream') return cutBody(response, body);
  sendBody(response, 200, body);
  return Promise.resolve(true);
}

function cutBody(response: ServerResponse, body: string): Promise<boolean> {
  response.writeHead(200, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(body) });
  return new Promise((resolve) => {
    response.write(body.slice(0, Math.floor(body.length / 2)), () => {
      response.socket?.destroy();
      resolve(false);
    });
  });
}

/** Gemini ends each SSE event with CRLF CRLF. */
const frame = (data: unknown) => `data: ${JSON.stringify(data)}\r\n\r\n`;

function respondStream(exchange: Exchange): Promise<boolean> {
  const { request, fault, pacing, response } = exchange;
  const common = { modelVersion: request.model, responseId: responseId(exchange) };
  const promptOnly = usageOf(exchange, undefined);
  const chunk = (part: Record<string, unknown>) => frame({ candidates: [{ content: { parts: [part], role: 'model' }, index: 0 }], usageMetadata: promptOnly, ...common });

  if (fault?.kind === 'empty-choices') {
    const empty = frame({ usageMetadata: promptOnly, ...common });
    return sendSse(response, [empty, empty, empty], { pacing, end: 'end' });
  }

  const plan = planOf(exchange);
  const frames: string[] = [];
  for (const piece of plan.thoughts) frames.push(chunk({ text: piece, thought: true }));
  const firstText = frames.length;
  // The last text piece travels with the finishReason, as Gemini sends it.
  const last = plan.text.at(-1);
  for (const piece of plan.text.slice(0, -1)) frames.push(chunk({ text: piece }));

  if (fault?.kind === 'reset-mid-stream') {
    const kept = firstText + Math.max(1, Math.floor((frames.length - firstText) / 2));
    const sent = frames.length > firstText ? frames.slice(0, kept) : [...frames, chunk({ text: last ?? '' })];
    return sendSse(response, sent, { pacing, end: 'destroy' });
  }
  if (fault?.kind === 'malformed-json') {
    frames.splice(Math.min(firstText + 1, frames.length), 0, 'data: {"candidates": [{"content": {"parts": [{"text": "cut\r\n\r\n');
  }

  const candidate: Record<string, unknown> = {
    content: { parts: last === undefined ? [{ text: '' }] : [{ text: last }], role: 'model' },
    finishReason: plan.finishReason,
    index: 0,
  };
  if (plan.finishReason === 'SAFETY') candidate['safetyRatings'] = SAFETY_RATINGS;
  frames.push(frame({ candidates: [candidate], usageMetadata: usageOf(exchange, plan), ...common }));
  return sendSse(response, frames, { pacing, end: 'end' });
}
