import {
  APICallError,
  sha256,
  type CallOptions,
  type ChatMessage,
  type LanguageModelV1,
  type Usage,
} from '@ladder/core';
import { generated, streamText } from './stream-text.js';

type Answerer = (options: CallOptions) => string;

function createBuiltinModel(modelId: string, answer: Answerer, wantsReference: boolean): LanguageModelV1 {
  // A built-in model has no tokenizer: its token counts are unknown, never 0.
  const usageOf = (): Usage => ({ inputTokens: undefined, outputTokens: undefined });
  return {
    specificationVersion: 'v1',
    provider: 'builtin',
    modelId,
    defaultConcurrency: 8,
    wantsReference,
    async doGenerate(options) {
      const text = answer(options);
      return generated(text, usageOf());
    },
    async doStream(options) {
      const text = answer(options);
      return streamText(text, usageOf());
    },
  };
}

function requireReference(options: CallOptions, modelId: string) {
  if (options.reference === undefined) {
    throw new APICallError({ message: `builtin/${modelId} needs the sample's reference, which the caller did not pass`, isRetryable: false });
  }
  return options.reference;
}

/** The upper bound: answers with the reference, written the way the suite's scorer reads it. */
export function createOracleModel(): LanguageModelV1 {
  return createBuiltinModel('oracle', (options) => requireReference(options, 'oracle').oracleAnswer, true);
}

/**
 * A chance-level baseline: draws uniformly from the suite's chance answers (a random option
 * letter for multiple choice, a random item's reference otherwise). Deterministic for a given
 * seed and request, whatever the order or concurrency of the run.
 */
export function createRandomModel(): LanguageModelV1 {
  return createBuiltinModel(
    'random',
    (options) => {
      const { chanceAnswers } = requireReference(options, 'random');
      if (chanceAnswers.length === 0) return '';
      const digest = sha256(`${options.settings.seed ?? 0}\u0000${options.requestKey}`);
      const draw = Number.parseInt(digest.slice(0, 12), 16) / 2 ** 48;
      return chanceAnswers[Math.floor(draw * chanceAnswers.length)] ?? '';
    },
    true,
  );
}

/** Returns its prompt: the last user message (the floor any scorer should sit well above). */
export function createEchoModel(): LanguageModelV1 {
  return createBuiltinModel('echo', (options) => lastUserMessage(options.prompt), false);
}

function lastUserMessage(prompt: ChatMessage[]): string {
  for (let index = prompt.length - 1; index >= 0; index -= 1) {
    const message = prompt[index];
    if (message?.role === 'user') return message.content;
  }
  return prompt.at(-1)?.content ?? '';
}

export const builtinModels: Record<string, { description: string; create: () => LanguageModelV1 }> = {
  oracle: { description: 'answers with the reference (upper bound; checks every scorer)', create: createOracleModel },
  random: { description: 'answers at chance, seeded (--seed)', create: createRandomModel },
  echo: { description: 'returns its prompt (floor; harness overhead benchmark)', create: createEchoModel },
};
