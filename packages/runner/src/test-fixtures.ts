import {
  APICallError,
  type CallOptions,
  type LanguageModelV1,
  type Sample,
  type StreamPart,
  type Suite,
} from '@ladder/core';

/** A small in-memory suite: the answer to "n+1?" is n+1; exact string match. */
export function arithmeticSuite(options: { size: number; id?: string; repeats?: number }): Suite {
  const samples: Sample[] = Array.from({ length: options.size }, (_, index) => ({
    id: `q${index}`,
    input: `${index}+1?`,
    targets: [String(index + 1)],
    metadata: {},
  }));
  return {
    id: options.id ?? 'arith',
    version: '1',
    capabilities: ['math'],
    generation: {},
    repeats: options.repeats ?? 1,
    async load() {
      return { samples, sha256: 'f'.repeat(64), source: 'memory' };
    },
    prompt: (sample) => [{ role: 'user', content: String(sample.input) }],
    scorer: {
      name: 'exact',
      metric: { name: 'accuracy', kind: 'proportion' },
      score: ({ sample, output }) => ({ value: output.trim() === sample.targets[0] ? 1 : 0, answer: output.trim() }),
    },
  };
}

export type Behaviour = (options: CallOptions, call: number) => string | Error | Promise<string | Error>;

/** A model whose every call is scripted; counts its calls. */
export function scriptedModel(behaviour: Behaviour, modelId = 'scripted'): LanguageModelV1 & { calls: number } {
  const model = {
    specificationVersion: 'v1' as const,
    provider: 'test',
    modelId,
    calls: 0,
    async doGenerate(): Promise<never> {
      throw new Error('the runner streams');
    },
    async doStream(options: CallOptions) {
      model.calls += 1;
      const outcome = await behaviour(options, model.calls);
      if (outcome instanceof Error) throw outcome;
      async function* parts(): AsyncGenerator<StreamPart> {
        yield { type: 'text-delta', delta: outcome as string };
        yield { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: { inputTokens: 3, outputTokens: 2 } };
      }
      return { stream: parts() };
    },
  };
  return model;
}

/** Answers n+1 correctly from the prompt "n+1?". */
export const correct: Behaviour = (options) => String(Number((options.prompt[0]?.content ?? '').split('+')[0]) + 1);

export function serviceUnavailable(retryAfterMs?: number): APICallError {
  return new APICallError({ message: 'server busy', statusCode: 503, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
}
