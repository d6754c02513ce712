import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  sha256,
  stableStringify,
  type CallOptions,
  type FinishReason,
  type GenerationSettings,
  type LanguageModelV1,
  type Usage,
} from '@ladder/core';

/** What the cache keeps of a model's answer: enough to score it again, never its timing. */
export interface CachedResponse {
  text: string;
  reasoning?: string | undefined;
  finishReason: FinishReason;
  usage: Usage;
}

export interface ResponseCache {
  get(modelId: string, key: string): CachedResponse | undefined;
  set(modelId: string, key: string, response: CachedResponse): void;
}

/**
 * The cache key: the model, the settings that change its output, the rendered prompt and the
 * repeat index. Concurrency, timeouts and retry settings are not in it. For the built-in
 * baselines the reference they answer from is in it too.
 */
export function cacheKey(options: {
  modelId: string;
  settings: GenerationSettings;
  prompt: CallOptions['prompt'];
  repeat: number;
  reference?: CallOptions['reference'];
}): string {
  return sha256(
    stableStringify({
      v: 1,
      model: options.modelId,
      settings: options.settings,
      prompt: options.prompt,
      repeat: options.repeat,
      reference: options.reference,
    }),
  );
}

export function cacheKeyFor(model: LanguageModelV1, modelId: string, call: Omit<CallOptions, 'requestKey'>, repeat: number): string {
  return cacheKey({
    modelId,
    settings: call.settings,
    prompt: call.prompt,
    repeat,
    ...(model.wantsReference === true && call.reference !== undefined ? { reference: call.reference } : {}),
  });
}

/**
 * A content-addressed cache on disk: one append-only JSON Lines file per model under
 * `<dir>/v1/`, read into memory the first time a run asks for that model. Appends are single
 * writes of whole lines, so parallel shards may share a directory; an unreadable line is skipped.
 */
export class FileResponseCache implements ResponseCache {
  private readonly directory: string;
  private readonly loaded = new Map<string, Map<string, CachedResponse>>();

  constructor(directory: string) {
    this.directory = join(directory, 'v1');
  }

  private fileFor(modelId: string): string {
    return join(this.directory, `${sha256(modelId).slice(0, 24)}.jsonl`);
  }

  private entriesFor(modelId: string): Map<string, CachedResponse> {
    let entries = this.loaded.get(modelId);
    if (entries !== undefined) return entries;
    entries = new Map();
    const file = this.fileFor(modelId);
    if (existsSync(file)) {
      const text = readFileSync(file, 'utf8');
      let start = 0;
      while (start < text.length) {
        let end = text.indexOf('\n', start);
        if (end === -1) break;
        const line = text.slice(start, end);
        start = end + 1;
        try {
          const parsed = JSON.parse(line) as { k: string; r: CachedResponse };
          entries.set(parsed.k, parsed.r);
        } catch {
          // torn or damaged line: that answer is simply not cached
        }
      }
    }
    this.loaded.set(modelId, entries);
    return entries;
  }

  get(modelId: string, key: string): CachedResponse | undefined {
    return this.entriesFor(modelId).get(key);
  }

  set(modelId: string, key: string, response: CachedResponse): void {
    const entries = this.entriesFor(modelId);
    if (entries.has(key)) return;
    entries.set(key, response);
    mkdirSync(this.directory, { recursive: true });
    appendFileSync(this.fileFor(modelId), `${JSON.stringify({ k: key, m: modelId, r: response })}\n`);
  }
}
