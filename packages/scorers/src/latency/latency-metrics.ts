/**
 * SimulEval's latency metrics of one instance (`simuleval/evaluator/scorers/latency_scorer.py`,
 * ../shared/SCORING.md §2), with its exact semantics: the `d_1 > |X|` shortcut of AL and LAAL,
 * AL's τ cut-off at the first delay reaching |X|, LAAL's max(|Y|, |Y*|), DAL's minimum gap 1/γ
 * over the hypothesis length only, AP over |X|·|Y|.
 *
 * `delays[i]` is when target unit i+1 was written: source units read (text), or milliseconds of
 * source (time); for the computation-aware forms, the same plus the computation time so far
 * (SimulEval's `elapsed`). `sourceLength` is |X| in the same unit. `targetLength` is |Y|: the
 * reference length when SimulEval's `use_ref_len` applies (the default, with a reference),
 * else the hypothesis length `delays.length`.
 *
 * Every function needs at least one delay (SimulEval skips instances without delays).
 */

/** Average Lagging (STACL, Ma et al. 2019), as SimulEval computes it. */
export function averageLagging(delays: readonly number[], sourceLength: number, targetLength: number): number {
  return lagging(delays, sourceLength, targetLength / sourceLength);
}

/** Length-Adaptive Average Lagging (Papi et al. 2022): AL with γ = max(|Y|, |Y*|) / |X|. */
export function lengthAdaptiveAverageLagging(delays: readonly number[], sourceLength: number, targetLength: number): number {
  return lagging(delays, sourceLength, Math.max(delays.length, targetLength) / sourceLength);
}

function lagging(delays: readonly number[], sourceLength: number, gamma: number): number {
  requireDelays(delays);
  const first = delays[0] as number;
  if (first > sourceLength) return first;
  let total = 0;
  let tau = 0;
  for (let index = 0; index < delays.length; index += 1) {
    const delay = delays[index] as number;
    total += delay - index / gamma;
    tau = index + 1;
    if (delay >= sourceLength) break;
  }
  return total / tau;
}

/**
 * Differentiable Average Lagging (Cherry and Foster 2019). γ = |Y*| / |X| always (the
 * hypothesis length, whatever the reference), d'_1 = d_1, d'_i = max(d_i, d'_{i-1} + 1/γ).
 */
export function differentiableAverageLagging(delays: readonly number[], sourceLength: number): number {
  requireDelays(delays);
  const gamma = delays.length / sourceLength;
  let total = 0;
  let previous = 0;
  for (let index = 0; index < delays.length; index += 1) {
    const delay = delays[index] as number;
    const adjusted = index === 0 ? delay : Math.max(delay, previous + 1 / gamma);
    total += adjusted - index / gamma;
    previous = adjusted;
  }
  return total / delays.length;
}

/** Average Proportion (Cho and Esipova 2016): Σ d_i / (|X|·|Y|), |Y| the reference length when used. */
export function averageProportion(delays: readonly number[], sourceLength: number, targetLength: number): number {
  requireDelays(delays);
  let total = 0;
  for (const delay of delays) total += delay;
  return total / (sourceLength * targetLength);
}

/** When the first target unit was written: d_1. */
export function startOffset(delays: readonly number[]): number {
  requireDelays(delays);
  return delays[0] as number;
}

/** How long after the end of the source the last target unit was written: d_last − |X|. */
export function endOffset(delays: readonly number[], sourceLength: number): number {
  requireDelays(delays);
  return (delays[delays.length - 1] as number) - sourceLength;
}

/** Real-time factor: d_last / |X|. */
export function realTimeFactor(delays: readonly number[], sourceLength: number): number {
  requireDelays(delays);
  return (delays[delays.length - 1] as number) / sourceLength;
}

/** SimulEval's NumChunks: the number of delays. */
export function numberOfChunks(delays: readonly number[]): number {
  return delays.length;
}

function requireDelays(delays: readonly number[]): void {
  if (delays.length === 0) throw new RangeError('a latency metric needs at least one delay (an instance with no output has none)');
}
