import { estimateTokens, settingsFor, type Plan } from '@ladder/runner';

/** Output tokens assumed for a request whose suite sets no `maxOutputTokens`. */
export const ASSUMED_MAX_OUTPUT_TOKENS = 4096;

export interface PlanEstimate {
  models: Array<{ id: string; calls: number; inputTokens: number; outputTokens: number; costUsd: number | null }>;
  calls: number;
  /** Worst case: every call uses its whole output budget. Null when some model has no price. */
  costUsd: number | null;
  /** Some suite sets no maxOutputTokens, so ASSUMED_MAX_OUTPUT_TOKENS was used. */
  assumedOutput: boolean;
}

/**
 * The worst case of a plan: calls per model, input tokens (estimated from the rendered prompts,
 * erring high) and output tokens (every call using its whole `maxOutputTokens`), and their price.
 * Cache hits are not subtracted.
 */
export function estimatePlan(plan: Plan): PlanEstimate {
  let assumedOutput = false;
  const suiteCosts = plan.suites.map((prepared) => {
    const maxOutput = settingsFor(prepared, plan).maxOutputTokens;
    if (maxOutput === undefined) assumedOutput = true;
    const outputPerCall = maxOutput ?? ASSUMED_MAX_OUTPUT_TOKENS;
    const inputBySample = prepared.samples.map((_sample, index) => estimateTokens(prepared.prompt(index).map((message) => message.content).join('\n')) + 4);
    // A session suite (simultaneous translation) makes several calls per sample, each with at
    // most the whole source and the translation so far (counted as one more output budget).
    const session = prepared.suite.session;
    const callsBySample = prepared.samples.map((sample) => (session === undefined ? 1 : session.maxCalls(sample)));
    const historyPerCall = session === undefined ? 0 : outputPerCall;
    return { inputBySample, outputPerCall, callsBySample, historyPerCall };
  });
  const models = plan.models.map((model) => ({ id: model.id, calls: 0, inputTokens: 0, outputTokens: 0, costUsd: null as number | null }));
  for (const item of plan.items) {
    const entry = models[item.modelIndex];
    const suite = suiteCosts[item.suiteIndex];
    if (entry === undefined || suite === undefined) continue;
    const calls = suite.callsBySample[item.sampleIndex] ?? 1;
    entry.calls += calls;
    entry.inputTokens += calls * ((suite.inputBySample[item.sampleIndex] ?? 0) + suite.historyPerCall);
    entry.outputTokens += calls * suite.outputPerCall;
  }
  let total: number | null = 0;
  models.forEach((entry, index) => {
    const price = plan.models[index]?.price;
    if (price === undefined) {
      // The built-in baselines and local models cost nothing; a cloud model without a price is unknown.
      const provider = entry.id.split('/')[0];
      entry.costUsd = provider === 'builtin' || provider === 'gguf' ? 0 : null;
    } else {
      entry.costUsd = (entry.inputTokens * price.input + entry.outputTokens * price.output) / 1_000_000;
    }
    total = total === null || entry.costUsd === null ? null : total + entry.costUsd;
  });
  return { models, calls: models.reduce((sum, entry) => sum + entry.calls, 0), costUsd: total, assumedOutput };
}

export function formatEstimate(estimate: PlanEstimate): string {
  const lines = ['model'.padEnd(40) + 'calls'.padStart(10) + 'input tok'.padStart(14) + 'output tok'.padStart(14) + 'worst-case $'.padStart(14)];
  for (const entry of estimate.models) {
    lines.push(
      entry.id.padEnd(40) +
        String(entry.calls).padStart(10) +
        String(entry.inputTokens).padStart(14) +
        String(entry.outputTokens).padStart(14) +
        (entry.costUsd === null ? 'no price' : entry.costUsd.toFixed(4)).padStart(14),
    );
  }
  lines.push(
    `total: ${estimate.calls} calls, worst case ${estimate.costUsd === null ? 'unknown (a model has no price: add it under prices in ladder.config.ts)' : `$${estimate.costUsd.toFixed(4)}`}`,
  );
  if (estimate.assumedOutput) lines.push(`(a suite sets no maxOutputTokens: ${ASSUMED_MAX_OUTPUT_TOKENS} output tokens assumed per call)`);
  return lines.join('\n');
}
