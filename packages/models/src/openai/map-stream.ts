import { APICallError, type FinishReason, type StreamPart, type Usage } from '@ladder/core';
import { toAPICallError, type ErrorContext } from './errors.js';
import { FAILED_FINISH_REASONS, mapFinishReason } from './finish-reason.js';
import type { ResolvedQuirks } from './quirks.js';
import { ThinkTagSplitter } from './think-tags.js';
import { mapUsage } from './usage.js';

type Chunk = Record<string, unknown>;

/**
 * Turns Chat Completions chunks into stream parts, one chunk at a time: content and reasoning
 * deltas as they come, the finish (with the usage, which may come in a later chunk with
 * `choices: []`) once the stream has ended. Pure: no I/O, so every dialect quirk is testable
 * on its own.
 */
export class ChunkMapper {
  private readonly splitter: ThinkTagSplitter | undefined;
  private finishRaw: string | undefined;
  private usage: Usage | undefined;
  private id: string | undefined;
  private modelId: string | undefined;
  /** Characters of text and reasoning received, for messages. */
  private received = 0;

  constructor(
    private readonly quirks: ResolvedQuirks,
    private readonly providerId: string,
  ) {
    this.splitter = quirks.thinkTags ? new ThinkTagSplitter() : undefined;
  }

  map(chunk: unknown): StreamPart[] {
    if (typeof chunk !== 'object' || chunk === null) return [];
    const fields = chunk as Chunk;
    if (this.id === undefined && typeof fields['id'] === 'string') this.id = fields['id'];
    if (this.modelId === undefined && typeof fields['model'] === 'string') this.modelId = fields['model'];
    if (typeof fields['usage'] === 'object' && fields['usage'] !== null) this.usage = mapUsage(fields['usage']);
    const choices = fields['choices'];
    // `choices: []`: the usage chunk, or a keep-alive of some gateways.
    if (!Array.isArray(choices)) return [];
    const choice = (choices as Chunk[]).find((candidate) => (candidate?.['index'] ?? 0) === 0);
    if (choice === undefined) return [];
    if (typeof choice['finish_reason'] === 'string' && choice['finish_reason'] !== '') this.finishRaw = choice['finish_reason'];
    const delta = choice['delta'] as Chunk | undefined;
    if (delta === undefined || delta === null) return [];

    const parts: StreamPart[] = [];
    const reasoning = this.reasoningOf(delta);
    if (reasoning !== undefined) {
      this.received += reasoning.length;
      parts.push({ type: 'reasoning-delta', delta: reasoning });
    }
    const content = typeof delta['content'] === 'string' ? delta['content'] : undefined;
    // A refusal (OpenAI) is what the model answered: kept as text.
    const refusal = typeof delta['refusal'] === 'string' ? delta['refusal'] : undefined;
    for (const text of [content, refusal]) {
      if (text === undefined || text === '') continue;
      this.received += text.length;
      this.pushContent(text, parts);
    }
    return parts;
  }

  /**
   * After the last chunk: what the think-tag splitter held back, then the finish; or an error
   * when the stream ended without a finish reason (cut off) or with a provider failure.
   */
  end(): StreamPart[] {
    const parts: StreamPart[] = [];
    for (const piece of this.splitter?.flush() ?? []) {
      parts.push(piece.type === 'text' ? { type: 'text-delta', delta: piece.delta } : { type: 'reasoning-delta', delta: piece.delta });
    }
    if (this.finishRaw === undefined) {
      parts.push({
        type: 'error',
        error: new APICallError({
          message:
            this.received === 0
              ? `${this.providerId}: the stream ended with no content and no finish_reason`
              : `${this.providerId}: the stream ended without a finish_reason after ${this.received} characters (cut off mid-answer)`,
          isRetryable: true,
        }),
      });
      return parts;
    }
    if (FAILED_FINISH_REASONS.has(this.finishRaw)) {
      parts.push({
        type: 'error',
        error: new APICallError({ message: `${this.providerId}: the answer stopped with finish_reason "${this.finishRaw}" (a provider failure)`, isRetryable: true }),
      });
      return parts;
    }
    const finishReason: FinishReason = mapFinishReason(this.finishRaw);
    parts.push({
      type: 'finish',
      finishReason,
      usage: this.usage ?? { inputTokens: undefined, outputTokens: undefined },
      response: {
        ...(this.id === undefined ? {} : { id: this.id }),
        ...(this.modelId === undefined ? {} : { modelId: this.modelId }),
      },
    });
    return parts;
  }

  private reasoningOf(delta: Chunk): string | undefined {
    // The first field that carries text: providers that fill two (OpenRouter) repeat it.
    for (const field of this.quirks.reasoningFields) {
      const value = delta[field];
      if (typeof value === 'string' && value !== '') return value;
    }
    return undefined;
  }

  private pushContent(text: string, parts: StreamPart[]): void {
    if (this.splitter === undefined) {
      parts.push({ type: 'text-delta', delta: text });
      return;
    }
    for (const piece of this.splitter.push(text)) {
      parts.push(piece.type === 'text' ? { type: 'text-delta', delta: piece.delta } : { type: 'reasoning-delta', delta: piece.delta });
    }
  }
}

/**
 * The stream parts of an SDK chunk stream. Failures while reading (a dropped connection,
 * an event that is not JSON, a provider error event) end it with an `error` part holding an
 * APICallError; an abort by the caller ends it with an `error` part holding the abort reason
 * (the SDK itself ends quietly on abort, which would look like a cut-off answer).
 */
export async function* mapChunkStream(
  chunks: AsyncIterable<unknown>,
  options: { quirks: ResolvedQuirks; errorContext: ErrorContext },
): AsyncGenerator<StreamPart> {
  const { errorContext } = options;
  const mapper = new ChunkMapper(options.quirks, errorContext.providerId);
  try {
    for await (const chunk of chunks) {
      for (const part of mapper.map(chunk)) yield part;
    }
  } catch (error) {
    yield { type: 'error', error: toAPICallError(error, errorContext, 'answer') };
    return;
  }
  if (errorContext.signal?.aborted === true) {
    yield { type: 'error', error: errorContext.signal.reason };
    return;
  }
  for (const part of mapper.end()) yield part;
}
