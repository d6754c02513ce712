import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { instanceLatency, meanLatency, referenceLength, targetUnits } from './instance-latency.js';
import {
  averageLagging,
  averageProportion,
  differentiableAverageLagging,
  endOffset,
  lengthAdaptiveAverageLagging,
  numberOfChunks,
  realTimeFactor,
  startOffset,
} from './latency-metrics.js';

interface Vector {
  id: string;
  metric: string;
  input_kind: 'text' | 'speech';
  delays: number[];
  elapsed?: number[];
  source_length: number;
  reference?: string;
  reference_length?: number;
  use_ref_len: boolean;
  computation_aware: boolean;
  computed: number;
}

const file = JSON.parse(readFileSync(new URL('../../../../../shared/vectors/simuleval_latency_vectors.json', import.meta.url), 'utf8')) as { vectors: Vector[] };

const METRICS: Record<string, (delays: number[], sourceLength: number, targetLength: number) => number> = {
  AL: averageLagging,
  LAAL: lengthAdaptiveAverageLagging,
  DAL: (delays, sourceLength) => differentiableAverageLagging(delays, sourceLength),
  AP: averageProportion,
  StartOffset: (delays) => startOffset(delays),
  EndOffset: endOffset,
  RTF: realTimeFactor,
  NumChunks: (delays) => numberOfChunks(delays),
};

/** SimulEval's LatencyScorer.__call__ for one instance: `elapsed` when computation-aware, |Y| from the reference when used. */
function score(vector: Vector): number {
  const name = vector.metric.replace(/_CA$/, '');
  const metric = METRICS[name];
  if (metric === undefined) throw new Error(`no metric ${vector.metric}`);
  const delays = vector.computation_aware ? (vector.elapsed ?? []) : vector.delays;
  const targetLength = vector.use_ref_len && vector.reference !== undefined ? (vector.reference_length ?? 0) : delays.length;
  return metric(delays, vector.source_length, targetLength);
}

describe('SimulEval latency metrics', () => {
  it('has all 38 vectors', () => expect(file.vectors).toHaveLength(38));

  it.each(file.vectors.map((vector) => [vector.id, vector] as const))('%s', (_id, vector) => {
    expect(Math.abs(score(vector) - vector.computed)).toBeLessThanOrEqual(1e-9);
    if (vector.reference !== undefined && vector.reference_length !== undefined) {
      expect(referenceLength(vector.reference, 'word')).toBe(vector.reference_length);
    }
  });

  it('gives wait-k on |X| = |Y| = 6 an AL, LAAL and DAL of k', () => {
    for (const k of [1, 2, 3, 4, 5]) {
      const delays = Array.from({ length: 6 }, (_, index) => Math.min(k + index, 6));
      expect(instanceLatency({ delays, sourceLength: 6, referenceLength: 6 })).toMatchObject({ AL: k, LAAL: k, DAL: k, startOffset: k, endOffset: 0 });
    }
  });

  it('has no latency for an instance without output, and skips it in the mean', () => {
    expect(instanceLatency({ delays: [], sourceLength: 5, referenceLength: 5 })).toBeNull();
    const one = instanceLatency({ delays: [1, 2, 3], sourceLength: 3, referenceLength: 3 });
    expect(meanLatency([one, null])).toEqual(one);
    expect(meanLatency([null])).toEqual({ AL: null, LAAL: null, DAL: null, AP: null, startOffset: null, endOffset: null });
  });

  it('averages instances as SimulEval does (arithmetic mean per metric)', () => {
    const a = instanceLatency({ delays: [1, 2, 3, 4, 5, 6], sourceLength: 6, referenceLength: 6 });
    const b = instanceLatency({ delays: [3, 4, 5, 6, 6, 6], sourceLength: 6, referenceLength: 6 });
    const mean = meanLatency([a, b]);
    expect(mean.AL).toBe(2);
    expect(mean.AP).toBeCloseTo((0.5833333333333334 + 0.8333333333333334) / 2, 12);
  });

  it('gives null, not a crash, where the formula divides by an empty reference', () => {
    expect(instanceLatency({ delays: [1, 2], sourceLength: 2, referenceLength: 0 })?.AL).toBeNull();
  });

  it('counts reference and hypothesis units as SimulEval does', () => {
    expect(referenceLength('a  b', 'word')).toBe(3);
    expect(referenceLength(' 我们 有 ', 'char')).toBe(4);
    expect(targetUnits(' Heute  spreche ich ', 'word')).toEqual(['Heute', 'spreche', 'ich']);
    expect(targetUnits('我们 有4', 'char')).toEqual(['我', '们', '有', '4']);
  });

  it('refuses a metric of no delays', () => {
    expect(() => averageLagging([], 3, 3)).toThrow(RangeError);
  });
});
