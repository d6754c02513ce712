import {
  APICallError,
  TimeoutError,
  type CallOptions,
  type FinishReason,
  type LanguageModelV1,
  type SampleTiming,
  type Usage,
} from '@ladder/core';
import { countWords } from '@ladder/scorers/translation';

export interface ModelAnswer {
  text: string;
  reasoning?: string | undefined;
  finishReason: FinishReason;
  usage: Usage;
  timing: SampleTiming;
  warnings?: string[];
}

/**
 * One streamed call with a time limit, timed from the request to each delta:
 * first token (reasoning or answer), first answer token, gaps between tokens, total.
 */
export async function callModel(model: LanguageModelV1, options: CallOptions & { timeoutMs: number }): Promise<ModelAnswer> {
  const controller = new AbortController();
  const outer = options.abortSignal;
  const onOuterAbort = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const error = new TimeoutError(options.timeoutMs);
      controller.abort(error);
      reject(error);
    }, options.timeoutMs);
  });
  try {
    return await Promise.race([consume(model, { ...options, abortSignal: controller.signal }), timedOut]);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
  }
}

async function consume(model: LanguageModelV1, options: CallOptions): Promise<ModelAnswer> {
  const started = performance.now();
  const { stream, warnings } = await model.doStream(options);
  let text = '';
  let reasoning: string | undefined;
  let firstTokenMs: number | null = null;
  let firstAnswerTokenMs: number | null = null;
  let previousAt: number | null = null;
  let characters = 0;
  let firstDeltaCharacters = 0;
  let firstDelta = '';
  const gaps: number[] = [];
  let finish: { finishReason: FinishReason; usage: Usage } | undefined;

  for await (const part of stream) {
    if (part.type === 'text-delta' || part.type === 'reasoning-delta') {
      if (part.delta === '') continue;
      const now = performance.now();
      const length = codePointLength(part.delta);
      characters += length;
      if (firstTokenMs === null) {
        firstTokenMs = now - started;
        firstDeltaCharacters = length;
        firstDelta = part.delta;
      }
      if (previousAt !== null) gaps.push(now - previousAt);
      previousAt = now;
      if (part.type === 'text-delta') {
        if (firstAnswerTokenMs === null) firstAnswerTokenMs = now - started;
        text += part.delta;
      } else {
        reasoning = (reasoning ?? '') + part.delta;
      }
    } else if (part.type === 'finish') {
      finish = { finishReason: part.finishReason, usage: part.usage };
    } else if (part.type === 'error') {
      throw part.error;
    }
  }
  const totalMs = performance.now() - started;
  if (finish === undefined) {
    throw new APICallError({ message: 'the stream ended without a finish event (cut off mid-answer)', isRetryable: true });
  }
  const outputTokens = finish.usage.outputTokens;
  const decodeMs = firstTokenMs === null ? 0 : totalMs - firstTokenMs;
  return {
    text,
    reasoning,
    finishReason: finish.finishReason,
    usage: finish.usage,
    ...(warnings === undefined || warnings.length === 0 ? {} : { warnings }),
    timing: {
      firstTokenMs: round(firstTokenMs),
      firstAnswerTokenMs: round(firstAnswerTokenMs),
      totalMs: round(totalMs) ?? 0,
      interTokenMs: gaps.length === 0 ? null : summarizeGaps(gaps),
      // Tokens after the first, over the time after the first: the decode speed.
      outputTokensPerSecond:
        outputTokens !== undefined && outputTokens > 1 && decodeMs > 0 ? round(((outputTokens - 1) * 1000) / decodeMs) : null,
      // Characters after the first delta, over the time after it: what "words per second" claims mean.
      outputCharactersPerSecond: characters > firstDeltaCharacters && decodeMs > 0 ? round(((characters - firstDeltaCharacters) * 1000) / decodeMs) : null,
      // Words (each Chinese character one word; see countWords) after the first delta, likewise.
      outputWordsPerSecond: wordsPerSecond(text, reasoning, firstDelta, decodeMs),
    },
  };
}

function wordsPerSecond(text: string, reasoning: string | undefined, firstDelta: string, decodeMs: number): number | null {
  const words = countWords(text) + (reasoning === undefined ? 0 : countWords(reasoning)) - countWords(firstDelta);
  return words > 0 && decodeMs > 0 ? round((words * 1000) / decodeMs) : null;
}

function summarizeGaps(gaps: number[]): { mean: number; p50: number; p90: number } {
  const sorted = [...gaps].sort((a, b) => a - b);
  const mean = sorted.reduce((total, gap) => total + gap, 0) / sorted.length;
  return { mean: round(mean) ?? 0, p50: round(quantile(sorted, 0.5)) ?? 0, p90: round(quantile(sorted, 0.9)) ?? 0 };
}

/** Linear interpolation between order statistics (numpy's default). */
function quantile(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] ?? 0;
  const high = sorted[upper] ?? low;
  return low + (high - low) * (position - lower);
}

function codePointLength(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    // A high surrogate and its low surrogate are one code point.
    if (code < 0xdc00 || code > 0xdfff) count += 1;
  }
  return count;
}

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 1000;
}
