import { isScoredStatus, type SuiteManifest } from '@ladder/core';
import { circularBaseId } from '@ladder/scorers';
import type { ExcludedSample, Exclusion, GateRecord, GateRun } from './types.js';

/** One sample x repeat scored in both runs. */
export interface PairedItem {
  sampleId: string;
  repeat: number;
  /** Independent unit: the sample id (a CircularEval question for its rotations). */
  cluster: string;
  baseline: GateRecord;
  candidate: GateRecord;
}

export interface SamplePairing {
  planned: number;
  pairs: PairedItem[];
  excluded: ExcludedSample[];
}

/** A run's records by suite and model, then by sample and repeat; the first of duplicates kept. */
export type RecordIndex = Map<string, Map<string, GateRecord>>;

const groupKey = (suite: string, model: string) => `${suite}\u0000${model}`;
const sampleKey = (sampleId: string, repeat: number) => `${sampleId}\u0000${repeat}`;

export function indexRecords(run: GateRun): RecordIndex {
  const index: RecordIndex = new Map();
  for (const record of run.records) {
    const key = groupKey(record.suite, record.model);
    let samples = index.get(key);
    if (samples === undefined) {
      samples = new Map();
      index.set(key, samples);
    }
    const item = sampleKey(record.sampleId, record.repeat);
    if (!samples.has(item)) samples.set(item, record);
  }
  return index;
}

/** Why a record cannot enter a pair, or null when it is scored. */
function exclusionOf(record: GateRecord | undefined, needsStatistics: boolean): Exclusion | null {
  if (record === undefined) return 'missing';
  if (!isScoredStatus(record.status)) return record.status;
  if (record.score === null || (needsStatistics && record.statistics === undefined)) return 'scorer_error';
  return null;
}

/**
 * Pairs a suite's samples of two models, one per run, by sample id and repeat: every sample id
 * in both manifests, every repeat index in both. A pair either side did not score (an
 * infrastructure error, a truncated answer, a sample missing from the journal) is excluded and
 * listed; a format error is a scored (wrong) answer and stays in.
 */
export function pairSamples(options: {
  baselineSuite: SuiteManifest;
  candidateSuite: SuiteManifest;
  baseline: Map<string, GateRecord> | undefined;
  candidate: Map<string, GateRecord> | undefined;
}): SamplePairing {
  const { baselineSuite, candidateSuite } = options;
  const needsStatistics = baselineSuite.metricKind === 'corpus';
  const candidateIds = candidateSuite.promptHashes ?? {};
  const ids = Object.keys(baselineSuite.promptHashes ?? {}).filter((id) => id in candidateIds);
  const repeats = Math.min(baselineSuite.repeats, candidateSuite.repeats);
  const pairs: PairedItem[] = [];
  const excluded: ExcludedSample[] = [];
  for (const sampleId of ids) {
    for (let repeat = 0; repeat < repeats; repeat += 1) {
      const key = sampleKey(sampleId, repeat);
      const baseline = options.baseline?.get(key);
      const candidate = options.candidate?.get(key);
      const baselineExclusion = exclusionOf(baseline, needsStatistics);
      const candidateExclusion = exclusionOf(candidate, needsStatistics);
      if (baselineExclusion === null && candidateExclusion === null) {
        pairs.push({ sampleId, repeat, cluster: circularBaseId(sampleId), baseline: baseline as GateRecord, candidate: candidate as GateRecord });
      } else {
        excluded.push({ sampleId, repeat, baseline: baselineExclusion, candidate: candidateExclusion });
      }
    }
  }
  return { planned: ids.length * repeats, pairs, excluded };
}

export { groupKey as recordGroupKey };
