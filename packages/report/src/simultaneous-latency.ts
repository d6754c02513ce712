import type { LatencyMetrics, SimultaneousRecord, SimultaneousSummary } from '@ladder/core';
import { instanceLatency, meanLatency } from '@ladder/scorers';

/** SimulEval's latency of one simultaneous sample: in source units, in ms, in ms with computation (null when a call was cached). */
export interface SampleLatency {
  baseSuite: string;
  policy: string;
  words: LatencyMetrics | null;
  ms: LatencyMetrics | null;
  msComputationAware: LatencyMetrics | null;
}

/** The sample's latency metrics from what its session emitted (null ones when it emitted nothing). */
export function sampleLatency(record: SimultaneousRecord): SampleLatency {
  const { emitted, source, referenceLength } = record;
  const aware = emitted.map((unit) => unit.msComputationAware);
  return {
    baseSuite: record.baseSuite,
    policy: record.policy,
    words: instanceLatency({ delays: emitted.map((unit) => unit.words), sourceLength: source.units, referenceLength }),
    ms: instanceLatency({ delays: emitted.map((unit) => unit.ms), sourceLength: source.ms, referenceLength }),
    msComputationAware: aware.every((value) => value !== null) ? instanceLatency({ delays: aware as number[], sourceLength: source.ms, referenceLength }) : null,
  };
}

/**
 * A suite x model row's latency, as SimulEval reports a corpus: each metric's mean over the
 * scored samples that emitted something; the computation-aware means over those whose every
 * call was timed (`timedSamples` of `samples`). Undefined for a suite that is not simultaneous.
 */
export function simultaneousSummary(samples: readonly (SampleLatency | undefined)[]): SimultaneousSummary | undefined {
  const present = samples.filter((sample): sample is SampleLatency => sample !== undefined);
  const first = present[0];
  if (first === undefined) return undefined;
  const withOutput = present.filter((sample) => sample.words !== null);
  const timed = withOutput.filter((sample) => sample.msComputationAware !== null);
  return {
    baseSuite: first.baseSuite,
    policy: first.policy,
    words: rounded(meanLatency(withOutput.map((sample) => sample.words))),
    ms: rounded(meanLatency(withOutput.map((sample) => sample.ms))),
    msComputationAware: rounded(meanLatency(timed.map((sample) => sample.msComputationAware))),
    samples: withOutput.length,
    timedSamples: timed.length,
  };
}

function rounded(metrics: LatencyMetrics): LatencyMetrics {
  const result = { ...metrics };
  for (const key of Object.keys(result) as (keyof LatencyMetrics)[]) {
    const value = result[key];
    result[key] = value === null ? null : Math.round(value * 1e6) / 1e6;
  }
  return result;
}
