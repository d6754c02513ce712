import type { LatencyMetrics } from '@ladder/core';
import { codePoints, pythonSplit, pythonStrip } from '../text/python-strings.js';
import {
  averageLagging,
  averageProportion,
  differentiableAverageLagging,
  endOffset,
  lengthAdaptiveAverageLagging,
  startOffset,
} from './latency-metrics.js';

/** SimulEval's latency units of a text target: words, or characters (for Chinese and Japanese). */
export type LatencyUnit = 'word' | 'char';

/**
 * |Y|, the reference length SimulEval uses (`reference_length`): `len(reference.split(" "))` for
 * words (a single-space split, so a double space counts an empty word) and
 * `len(reference.strip())` for characters (spaces inside count).
 */
export function referenceLength(reference: string, unit: LatencyUnit): number {
  if (unit === 'word') return reference.split(' ').length;
  return codePoints(pythonStrip(reference)).length;
}

/** The target units of a text hypothesis, as SimulEval counts them: `strip().split()` words, or the characters without whitespace. */
export function targetUnits(text: string, unit: LatencyUnit): string[] {
  const words = pythonSplit(text);
  return unit === 'word' ? words : words.flatMap((word) => codePoints(word));
}

export interface LatencyInstance {
  /** One delay per emitted target unit, in the unit of `sourceLength`. */
  delays: readonly number[];
  /** |X|: source units, or milliseconds. */
  sourceLength: number;
  /** |Y|: the reference length in target units; without it the hypothesis length is used (SimulEval's `--no-use-ref-len`). */
  referenceLength?: number;
}

/**
 * AL, LAAL, DAL, AP, StartOffset and EndOffset of one instance, or null when it has no delays
 * (SimulEval skips such instances: an empty translation has no latency). A value the formula
 * cannot give (an empty reference makes γ = 0) is null.
 */
export function instanceLatency(instance: LatencyInstance): LatencyMetrics | null {
  const { delays, sourceLength } = instance;
  if (delays.length === 0) return null;
  const targetLength = instance.referenceLength ?? delays.length;
  return {
    AL: finite(averageLagging(delays, sourceLength, targetLength)),
    LAAL: finite(lengthAdaptiveAverageLagging(delays, sourceLength, targetLength)),
    DAL: finite(differentiableAverageLagging(delays, sourceLength)),
    AP: finite(averageProportion(delays, sourceLength, targetLength)),
    startOffset: finite(startOffset(delays)),
    endOffset: finite(endOffset(delays, sourceLength)),
  };
}

const METRIC_NAMES = ['AL', 'LAAL', 'DAL', 'AP', 'startOffset', 'endOffset'] as const;

/**
 * The corpus value SimulEval reports: for each metric the arithmetic mean over the instances
 * that have it (instances without delays are skipped). Null when no instance has it.
 */
export function meanLatency(instances: readonly (LatencyMetrics | null)[]): LatencyMetrics {
  const result = {} as LatencyMetrics;
  for (const name of METRIC_NAMES) {
    let total = 0;
    let count = 0;
    for (const instance of instances) {
      const value = instance?.[name];
      if (value === null || value === undefined) continue;
      total += value;
      count += 1;
    }
    result[name] = count === 0 ? null : total / count;
  }
  return result;
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
