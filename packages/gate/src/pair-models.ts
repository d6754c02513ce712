import { UsageError } from '@ladder/core';

export interface ModelPair {
  baseline: string;
  candidate: string;
}

/**
 * Which baseline model is compared with which candidate model.
 * - `requested` pairs (`--model base=cand`, or `--model id` for the same id in both) are used as
 *   given; each id must be in its run.
 * - Otherwise the models of the same id in both runs are paired; when there is none and each run
 *   has exactly one model (a new model version: `acme/v1` → `acme/v2`), those two are paired.
 * Models left out are returned as notes.
 */
export function pairModels(options: {
  baselineModels: readonly string[];
  candidateModels: readonly string[];
  requested?: readonly ModelPair[] | undefined;
}): { pairs: ModelPair[]; notes: string[] } {
  const { baselineModels, candidateModels } = options;
  if (options.requested !== undefined && options.requested.length > 0) {
    for (const pair of options.requested) {
      if (!baselineModels.includes(pair.baseline)) throw new UsageError(`--model ${pair.baseline}=${pair.candidate}: the baseline has no model ${pair.baseline}; it has ${baselineModels.join(', ')}`);
      if (!candidateModels.includes(pair.candidate)) throw new UsageError(`--model ${pair.baseline}=${pair.candidate}: the candidate has no model ${pair.candidate}; it has ${candidateModels.join(', ')}`);
    }
    return { pairs: [...options.requested], notes: unpairedNotes(baselineModels, candidateModels, options.requested) };
  }
  const common = baselineModels.filter((model) => candidateModels.includes(model));
  if (common.length > 0) {
    const pairs = common.map((model) => ({ baseline: model, candidate: model }));
    return { pairs, notes: unpairedNotes(baselineModels, candidateModels, pairs) };
  }
  if (baselineModels.length === 1 && candidateModels.length === 1) {
    const pair = { baseline: baselineModels[0] as string, candidate: candidateModels[0] as string };
    return { pairs: [pair], notes: [`comparing baseline model ${pair.baseline} with candidate model ${pair.candidate} (each run has one model)`] };
  }
  throw new UsageError(
    `no model is in both runs (baseline: ${baselineModels.join(', ')}; candidate: ${candidateModels.join(', ')}); name the pairs with --model <baseline-id>=<candidate-id>`,
  );
}

function unpairedNotes(baselineModels: readonly string[], candidateModels: readonly string[], pairs: readonly ModelPair[]): string[] {
  const notes: string[] = [];
  const baselineLeft = baselineModels.filter((model) => !pairs.some((pair) => pair.baseline === model));
  const candidateLeft = candidateModels.filter((model) => !pairs.some((pair) => pair.candidate === model));
  if (baselineLeft.length > 0) notes.push(`not compared: baseline model${baselineLeft.length > 1 ? 's' : ''} ${baselineLeft.join(', ')} (not paired with a candidate model)`);
  if (candidateLeft.length > 0) notes.push(`not compared: candidate model${candidateLeft.length > 1 ? 's' : ''} ${candidateLeft.join(', ')} (no baseline to compare with)`);
  return notes;
}

/** Parses `--model` values: `base=cand` or `id` (the same id in both runs). */
export function parseModelPairs(values: readonly string[]): ModelPair[] {
  return values.map((value) => {
    const parts = value.split('=');
    if (parts.length > 2 || parts.some((part) => part.trim() === '')) throw new UsageError(`--model ${value}: expected <baseline-id>=<candidate-id> or one id present in both runs`);
    const baseline = (parts[0] as string).trim();
    return { baseline, candidate: (parts[1] ?? baseline).trim() };
  });
}
