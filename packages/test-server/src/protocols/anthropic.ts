import type { ServerResponse } from 'node:http';
import { defaultErrorMessage, type Dialect, type Exchange } from '../dialect.js';
import { countWords, sendBody, sendSse, splitWords, sseFrame } from '../sse.js';
import { lastUserText, textOf, type Message } from './messages.js';

/**
 * The Anthropic Messages API (POST /v1/messages): a JSON Message, or with `stream: true` the
 * named SSE events message_start, content_block_start / ping / content_block_delta (text_delta,
 * thinking_delta, signature_delta) / content_block_stop, message_delta (stop_reason, usage),
 * message_stop. Reasoning is sent as a thinking block before the text block.
 *
 * Faults: `content-filter` stops the text half-way with stop_reason `refusal`;
 * `length-while-thinking` sends a thinking block only, then `max_tokens`; `empty-choices`
 * sends message_start and pings, then ends the response with no message_stop;
 * `malformed-json` slips in an event whose data is cut off; `reset-mid-stream` drops the
 * connection inside the text block.
 */
export const anthropicMessages: Dialect = {
  protocol: 'anthropic',

  readRequest(body) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('The request body must be a JSON object.');
    if (typeof body.model !== 'string' || body.model === '') throw new Error('model: Field required');
    if (!Array.isArray(body.messages)) throw new Error('messages: Field required');
    if (typeof body.max_tokens !== 'number') throw new Error('max_tokens: Field required');
    return { model: body.model, prompt: lastUserText(body.messages), stream: body.stream === true };
  },

  errorBody(status, message) {
    const type = errorType(status);
    const wording = message === defaultErrorMessage(status) ? (ANTHROPIC_MESSAGES[type] ?? message) : message;
    return JSON.stringify({ type: 'error', error: { type, message: wording }, request_id: 'req_011CfakeLadderTestServer' });
  },

  respond(exchange) {
    return exchange.stream ? respondStream(exchange) : respondJson(exchange);
  },
};

/** The `error.type` the API pairs with each status (529 and 503 are "overloaded"). */
function errorType(status: number): string {
  switch (status) {
    case 400:
      return 'invalid_request_error';
    case 401:
      return 'authentication_error';
    case 402:
      return 'billing_error';
    case 403:
      return 'permission_error';
    case 404:
      return 'not_found_error';
    case 409:
      return 'conflict_error';
    case 413:
      return 'request_too_large';
    case 429:
      return 'rate_limit_error';
    case 503:
    case 529:
      return 'overloaded_error';
    case 504:
      return 'timeout_error';
    default:
      return status >= 500 ? 'api_error' : 'invalid_request_error';
  }
}

const ANTHROPIC_MESSAGES: Record<string, string> = {
  authentication_error: 'invalid x-api-key',
  rate_limit_error:
    'This request would exceed the rate limit for your organization of 50 requests per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits. You can see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later.',
  overloaded_error: 'Overloaded',
  api_error: 'Internal server error',
  timeout_error: 'Request timed out',
  not_found_error: 'model: not found',
};

/** The prompt's word count: system and every message. */
function inputTokens(body: { system?: unknown; messages?: Message[] }): number {
  let total = countWords(textOf(body.system));
  for (const message of body.messages ?? []) total += countWords(textOf(message.content));
  return total;
}

type StopReason = 'end_turn' | 'max_tokens' | 'refusal';

/** What a response carries once the fault is applied. */
interface Plan {
  thinking: string[];
  text: string[];
  stopReason: StopReason;
  /** The thinking block gets its signature (not when the limit cut the thinking short). */
  signed: boolean;
}

function planOf(exchange: Exchange): Plan {
  const { answer, fault, pacing } = exchange;
  const thinking = answer.reasoning === undefined ? [] : splitWords(answer.reasoning, pacing.tokensPerChunk);
  const text = splitWords(answer.text, pacing.tokensPerChunk);
  if (fault?.kind === 'content-filter') return { thinking, text: text.slice(0, Math.ceil(text.length / 2)), stopReason: 'refusal', signed: true };
  if (fault?.kind === 'length-while-thinking') {
    const cut = thinking.length > 0 ? thinking : splitWords(`Let me think about "${exchange.request.prompt}" step by step.`, pacing.tokensPerChunk);
    return { thinking: cut, text: [], stopReason: 'max_tokens', signed: false };
  }
  return { thinking, text, stopReason: 'end_turn', signed: true };
}

function usageOf(exchange: Exchange, plan: Plan) {
  return {
    input_tokens: inputTokens(exchange.request.body),
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    output_tokens: countWords(plan.thinking.join('')) + countWords(plan.text.join('')),
  };
}

const SIGNATURE = 'EqQBCkYIBxgCKkBLadderFakeSignatureOnlyForTestsAAAA';

function messageId(exchange: Exchange): string {
  return `msg_01LadderFake${String(exchange.request.index).padStart(8, '0')}`;
}

function respondJson(exchange: Exchange): Promise<boolean> {
  const { request, response, fault } = exchange;
  if (fault?.kind === 'malformed-json') {
    sendBody(response, 200, `{"id":"${messageId(exchange)}","type":"message","role":"assistant","content":[{"type":"text","text":"cut`);
    return Promise.resolve(false);
  }
  const plan = planOf(exchange);
  const content: Record<string, unknown>[] = [];
  if (plan.thinking.length > 0) content.push({ type: 'thinking', thinking: plan.thinking.join(''), signature: plan.signed ? SIGNATURE : '' });
  if (fault?.kind !== 'empty-choices' && (plan.text.length > 0 || plan.thinking.length === 0)) {
    content.push({ type: 'text', text: plan.text.join('') });
  }
  const body = JSON.stringify({
    id: messageId(exchange),
    type: 'message',
    role: 'assistant',
    model: request.model,
    content: fault?.kind === 'empty-choices' ? [] : content,
    stop_reason: fault?.kind === 'empty-choices' ? null : plan.stopReason,
    stop_sequence: null,
    usage: { ...usageOf(exchange, plan), service_tier: 'standard' },
  });
  if (fault?.kind === 'reset-mid-stream') return cutBody(response, body);
  sendBody(response, 200, body);
  return Promise.resolve(true);
}

function cutBody(response: ServerResponse, body: string): Promise<boolean> {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  return new Promise((resolve) => {
    response.write(body.slice(0, Math.floor(body.length / 2)), () => {
      response.socket?.destroy();
      resolve(false);
    });
  });
}

const event = (data: Record<string, unknown>) => sseFrame(JSON.stringify(data), String(data['type']));
const PING = sseFrame('{"type": "ping"}', 'ping');

function respondStream(exchange: Exchange): Promise<boolean> {
  const { request, fault, pacing, response } = exchange;
  const plan = planOf(exchange);
  const usage = usageOf(exchange, plan);
  const frames: string[] = [
    event({
      type: 'message_start',
      message: {
        id: messageId(exchange),
        type: 'message',
        role: 'assistant',
        model: request.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { ...usage, output_tokens: 1, service_tier: 'standard' },
      },
    }),
  ];
  const headers = { 'request-id': 'req_011CfakeLadderTestServer' };
  if (fault?.kind === 'empty-choices') {
    frames.push(PING, PING);
    return sendSse(response, frames, { pacing, end: 'end', headers });
  }

  let index = 0;
  if (plan.thinking.length > 0) {
    frames.push(event({ type: 'content_block_start', index, content_block: { type: 'thinking', thinking: '', signature: '' } }), PING);
    for (const piece of plan.thinking) frames.push(event({ type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: piece } }));
    if (plan.signed) frames.push(event({ type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: SIGNATURE } }));
    frames.push(event({ type: 'content_block_stop', index }));
    index += 1;
  }
  const firstText = frames.length + 1;
  if (plan.text.length > 0 || plan.thinking.length === 0) {
    frames.push(event({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } }));
    if (index === 0) frames.push(PING);
    for (const piece of plan.text) frames.push(event({ type: 'content_block_delta', index, delta: { type: 'text_delta', text: piece } }));
    frames.push(event({ type: 'content_block_stop', index }));
  }

  if (fault?.kind === 'reset-mid-stream') {
    const textFrames = frames.length - 1 - firstText;
    // At least one text delta gets through before the connection drops.
    const kept = firstText + Math.max(1, Math.floor(textFrames / 2));
    return sendSse(response, frames.slice(0, Math.min(kept, frames.length)), { pacing, end: 'destroy', headers });
  }
  if (fault?.kind === 'malformed-json') {
    frames.splice(Math.min(firstText + 1, frames.length), 0, `event: content_block_delta\ndata: {"type":"content_block_delta","index":${index},"delta":{"type":"text_delta","text":"cut\n\n`);
  }

  frames.push(
    event({ type: 'message_delta', delta: { stop_reason: plan.stopReason, stop_sequence: null }, usage }),
    event({ type: 'message_stop' }),
  );
  return sendSse(response, frames, { pacing, end: 'end', headers });
}
