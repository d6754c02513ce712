import type { ServerResponse } from 'node:http';
import type { Dialect, Exchange } from '../dialect.js';
import { countWords, sendBody, sendSse, splitWords, sseFrame } from '../sse.js';
import { lastUserText, textOf, type Message } from './messages.js';

/**
 * OpenAI Chat Completions (POST /v1/chat/completions), as OpenAI and the OpenAI-compatible
 * servers (DeepSeek, Qwen, vLLM ...) speak it: a JSON body, or with `stream: true` SSE events
 * `data: {chunk}` ending with `data: [DONE]`. Reasoning goes in `delta.reasoning_content`
 * (DeepSeek's field); `stream_options.include_usage` adds a last chunk with `choices: []`
 * and the usage.
 */
export const openaiChatCompletions: Dialect = {
  protocol: 'openai',

  readRequest(body) {
    if (typeof body !== 'object' || body === null) throw new Error('The request body must be a JSON object.');
    if (typeof body.model !== 'string' || body.model === '') throw new Error('you must provide a model parameter');
    if (!Array.isArray(body.messages)) throw new Error("Missing required parameter: 'messages'.");
    return { model: body.model, prompt: lastUserText(body.messages), stream: body.stream === true };
  },

  errorBody(status, message) {
    const [type, code] = errorKind(status);
    return JSON.stringify({ error: { message, type, param: null, code } });
  },

  respond(exchange) {
    return exchange.stream ? respondStream(exchange) : respondJson(exchange);
  },
};

/** GET /v1/models */
export function listOpenAIModels(response: ServerResponse): void {
  sendBody(
    response,
    200,
    JSON.stringify({ object: 'list', data: [{ id: 'fake-model', object: 'model', created: 1_700_000_000, owned_by: 'ladder' }] }),
  );
}

function promptTokens(body: { messages?: Message[] }): number {
  let total = 0;
  for (const message of body.messages ?? []) total += countWords(textOf(message.content));
  return total;
}

function errorKind(status: number): [type: string, code: string | null] {
  if (status === 401) return ['invalid_request_error', 'invalid_api_key'];
  if (status === 404) return ['invalid_request_error', 'model_not_found'];
  if (status === 429) return ['requests', 'rate_limit_exceeded'];
  if (status >= 500) return ['server_error', null];
  return ['invalid_request_error', null];
}

type FinishReason = 'stop' | 'length' | 'content_filter';

/** What a response carries once the fault is applied. */
interface Plan {
  reasoning: string[];
  content: string[];
  finishReason: FinishReason;
}

function planOf(exchange: Exchange): Plan {
  const { answer, fault, pacing } = exchange;
  const reasoning = answer.reasoning === undefined ? [] : splitWords(answer.reasoning, pacing.tokensPerChunk);
  const content = splitWords(answer.text, pacing.tokensPerChunk);
  if (fault?.kind === 'content-filter') return { reasoning, content: content.slice(0, Math.ceil(content.length / 2)), finishReason: 'content_filter' };
  if (fault?.kind === 'length-while-thinking') {
    const thinking = reasoning.length > 0 ? reasoning : splitWords(`Let me think about "${exchange.request.prompt}" step by step.`, pacing.tokensPerChunk);
    return { reasoning: thinking, content: [], finishReason: 'length' };
  }
  return { reasoning, content, finishReason: 'stop' };
}

function usageOf(exchange: Exchange, plan: Plan) {
  const reasoningTokens = countWords(plan.reasoning.join(''));
  const completionTokens = reasoningTokens + countWords(plan.content.join(''));
  const prompt = promptTokens(exchange.request.body);
  return {
    prompt_tokens: prompt,
    completion_tokens: completionTokens,
    total_tokens: prompt + completionTokens,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: reasoningTokens },
  };
}

function respondJson(exchange: Exchange): Promise<boolean> {
  const { request, response, fault } = exchange;
  if (fault?.kind === 'malformed-json') {
    sendBody(response, 200, `{"id":"chatcmpl-fake${request.index}","object":"chat.completion","choices":[{"index":0,"message":{"role":"assis`);
    return Promise.resolve(false);
  }
  const plan = planOf(exchange);
  const message: Record<string, unknown> = { role: 'assistant', content: plan.content.join('') };
  if (plan.reasoning.length > 0) message['reasoning_content'] = plan.reasoning.join('');
  message['refusal'] = null;
  const body = JSON.stringify({
    id: `chatcmpl-fake${request.index}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices: fault?.kind === 'empty-choices' ? [] : [{ index: 0, message, logprobs: null, finish_reason: plan.finishReason }],
    usage: usageOf(exchange, plan),
    system_fingerprint: 'fp_ladder_fake',
  });
  if (fault?.kind === 'reset-mid-stream') {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    return new Promise((resolve) => {
      response.write(body.slice(0, Math.floor(body.length / 2)), () => {
        response.socket?.destroy();
        resolve(false);
      });
    });
  }
  sendBody(response, 200, body);
  return Promise.resolve(true);
}

function respondStream(exchange: Exchange): Promise<boolean> {
  const { request, fault } = exchange;
  // Everything of a chunk but its delta and finish reason, written once per response.
  const head = `{"id":"chatcmpl-fake${request.index}","object":"chat.completion.chunk","created":${Math.floor(Date.now() / 1000)},"model":${JSON.stringify(request.model)},"system_fingerprint":"fp_ladder_fake","choices":`;
  const chunk = (delta: Record<string, unknown>, finishReason: FinishReason | null = null) =>
    sseFrame(`${head}[{"index":0,"delta":${JSON.stringify(delta)},"logprobs":null,"finish_reason":${finishReason === null ? 'null' : `"${finishReason}"`}}]}`);
  const done = sseFrame('[DONE]');

  if (fault?.kind === 'empty-choices') {
    const frames = [sseFrame(`${head}[]}`), sseFrame(`${head}[]}`), sseFrame(`${head}[]}`), done];
    return sendSse(exchange.response, frames, { pacing: exchange.pacing, end: 'end' });
  }

  const plan = planOf(exchange);
  const frames: string[] = [chunk({ role: 'assistant', content: '' })];
  for (const piece of plan.reasoning) frames.push(chunk({ reasoning_content: piece }));
  const firstContent = frames.length;
  for (const piece of plan.content) frames.push(chunk({ content: piece }));

  if (fault?.kind === 'reset-mid-stream') {
    const contentCount = frames.length - firstContent;
    // At least one content chunk gets through before the connection drops.
    const kept = firstContent + Math.max(1, Math.floor(contentCount / 2));
    return sendSse(exchange.response, frames.slice(0, Math.min(kept, frames.length)), { pacing: exchange.pacing, end: 'destroy' });
  }
  if (fault?.kind === 'malformed-json') {
    frames.splice(Math.min(firstContent + 1, frames.length), 0, sseFrame(`${head}[{"index":0,"delta":{"content":"cut`));
  }

  frames.push(chunk({}, plan.finishReason));
  if (request.body?.stream_options?.include_usage === true) frames.push(sseFrame(`${head}[],"usage":${JSON.stringify(usageOf(exchange, plan))}}`));
  frames.push(done);
  return sendSse(exchange.response, frames, { pacing: exchange.pacing, end: 'end' });
}
