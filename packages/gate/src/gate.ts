import { UsageError, type SuiteManifest } from '@ladder/core';
import { refusalMessage, suiteDifferences } from './drift.js';
import { estimatePaired, type PairedEstimate } from './paired-estimate.js';
import { pairModels, type ModelPair } from './pair-models.js';
import { indexRecords, pairSamples, recordGroupKey, type PairedItem, type SamplePairing } from './pair-samples.js';
import { modelLabel } from './format.js';
import { holm } from './statistics/holm.js';
import { DEFAULT_GATE_OPTIONS, type Comparison, type Drift, type Exclusion, type FlippedSample, type GateOptions, type GateReport, type GateRun, type Verdict } from './types.js';

/** Continuous metrics list at most this many of their largest drops. */
const LARGEST_DROPS = 50;

/**
 * The regression gate, a pure function of two runs: pairs their samples, refuses drifted suites
 * (unless allowed), tests each suite x model pair for a drop beyond the margin, corrects across
 * the comparisons with Holm, and gives the verdict. See the package README for the statistics.
 */
export function runGate(baseline: GateRun, candidate: GateRun, given: Partial<GateOptions> = {}): GateReport {
  const options: GateOptions = { ...DEFAULT_GATE_OPTIONS, ...given };
  checkOptions(options);
  const notes: string[] = [];
  const { pairs: modelPairs, notes: modelNotes } = pairModels({
    baselineModels: baseline.manifest.models.map((model) => model.id),
    candidateModels: candidate.manifest.models.map((model) => model.id),
    requested: options.models,
  });
  notes.push(...modelNotes);
  for (const [role, run] of [['baseline', baseline], ['candidate', candidate]] as const) {
    if (run.manifest.status !== 'complete') notes.push(`the ${role} run is ${run.manifest.status === 'running' ? 'unfinished (status running)' : 'incomplete'}: its missing samples are counted as excluded`);
  }

  const suites = selectSuites(baseline, candidate, options.suites, notes);
  const drift: Drift[] = [];
  const incompatible = new Map<string, string>();
  for (const { baselineSuite, candidateSuite } of suites) {
    if (candidateSuite === undefined) continue;
    const differences = suiteDifferences(baselineSuite, candidateSuite);
    drift.push(...differences.drift);
    notes.push(...differences.notes);
    if (differences.incompatible !== null) incompatible.set(baselineSuite.id, differences.incompatible);
  }
  const header = {
    baseline: { source: baseline.source, status: baseline.manifest.status, models: baseline.manifest.models.map((model) => model.id) },
    candidate: { source: candidate.source, status: candidate.manifest.status, models: candidate.manifest.models.map((model) => model.id) },
    options,
  };
  if (drift.length > 0 && !options.allowDrift) {
    return { ...header, comparisons: [], drift, refusal: refusalMessage(drift), notes, verdict: 'cannot-compare', exitCode: 2 };
  }

  const baselineIndex = indexRecords(baseline);
  const candidateIndex = indexRecords(candidate);
  const planned: { comparison: Comparison; pairs: PairedItem[] }[] = [];
  for (const { baselineSuite, candidateSuite } of suites) {
    for (const modelPair of modelPairs) {
      const comparison = emptyComparison(baselineSuite, modelPair, options.margin);
      if (candidateSuite === undefined) {
        planned.push({ comparison: cannotCompare(comparison, 'the candidate run has no such suite (run it, or leave it out with --suite)'), pairs: [] });
        continue;
      }
      const reason = incompatible.get(baselineSuite.id);
      if (reason !== undefined) {
        planned.push({ comparison: cannotCompare(comparison, reason), pairs: [] });
        continue;
      }
      const pairing = pairSamples({
        baselineSuite,
        candidateSuite,
        baseline: baselineIndex.get(recordGroupKey(baselineSuite.id, modelPair.baseline)),
        candidate: candidateIndex.get(recordGroupKey(candidateSuite.id, modelPair.candidate)),
      });
      planned.push(describePairing(comparison, pairing, options.maxExcluded));
    }
  }

  const tested = planned.filter(({ comparison }) => comparison.verdict !== 'cannot-compare');
  const resamples = Math.max(options.resamples, Math.ceil((20 * Math.max(1, tested.length)) / options.alpha));
  const estimates: PairedEstimate[] = [];
  for (const { comparison, pairs } of tested) {
    try {
      estimates.push(
        estimatePaired({
          pairs,
          metric: comparison.metric,
          metricKind: comparison.metricKind,
          margin: comparison.margin,
          resamples,
          seed: `${options.seed}/${comparison.suite}/${comparison.baselineModel}/${comparison.candidateModel}`,
        }),
      );
    } catch (error) {
      // An unknown corpus metric: say so for this suite rather than fail the whole gate.
      cannotCompare(comparison, error instanceof Error ? error.message : String(error));
    }
  }
  const estimated = tested.filter(({ comparison }) => comparison.verdict !== 'cannot-compare');
  const decisions = holm(
    estimates.map((estimate) => estimate.pValue),
    options.alpha,
  );
  estimated.forEach(({ comparison, pairs }, index) => {
    const estimate = estimates[index] as PairedEstimate;
    const decision = decisions[index] as (typeof decisions)[number];
    Object.assign(comparison, {
      method: estimate.method,
      baselineValue: estimate.baselineValue,
      candidateValue: estimate.candidateValue,
      delta: estimate.delta,
      interval: estimate.interval(decision.level),
      intervalLevel: 1 - 2 * decision.level,
      testLevel: decision.level,
      pValue: estimate.pValue,
      adjustedP: decision.adjustedP,
      mcnemarP: estimate.mcnemarP,
      discordant: estimate.discordant,
      minimumDetectableDrop: estimate.minimumDetectableDrop(decision.level),
      verdict: decision.rejected ? 'regression' : 'pass',
    } satisfies Partial<Comparison>);
    Object.assign(comparison, flippedSamples(pairs));
    if (estimate.method === 'paired-bootstrap' && comparison.interval?.[0] === comparison.interval?.[1]) {
      notes.push(`${comparison.suite} (${modelLabel(comparison)}): every resample gave the same difference (the runs scored alike), so the MDE shows only the margin`);
    }
  });

  const comparisons = planned.map(({ comparison }) => comparison);
  const verdict: Verdict = comparisons.some((comparison) => comparison.verdict === 'regression')
    ? 'regression'
    : comparisons.length === 0 || comparisons.some((comparison) => comparison.verdict === 'cannot-compare')
      ? 'cannot-compare'
      : 'pass';
  if (comparisons.length === 0) notes.push('nothing to compare: no suite x model pair is in both runs');
  return { ...header, comparisons, drift, refusal: null, notes, verdict, exitCode: verdict === 'pass' ? 0 : verdict === 'regression' ? 1 : 2 };
}

function checkOptions(options: GateOptions): void {
  if (!(options.margin >= 0 && options.margin < 1)) throw new UsageError(`--margin ${options.margin}: expected a share of the metric's scale from 0 to below 1 (0.02 = 2 points)`);
  if (!(options.alpha > 0 && options.alpha < 0.5)) throw new UsageError(`--alpha ${options.alpha}: expected a number between 0 and 0.5`);
  if (!(options.maxExcluded >= 0 && options.maxExcluded <= 1)) throw new UsageError(`--max-excluded ${options.maxExcluded}: expected a share from 0 to 1`);
  if (!(Number.isInteger(options.resamples) && options.resamples >= 100)) throw new UsageError(`--resamples ${options.resamples}: expected a whole number >= 100`);
}

/** The suites to compare: --suite (each in both runs), else every suite of the baseline; candidate-only suites are noted. */
function selectSuites(baseline: GateRun, candidate: GateRun, requested: readonly string[] | undefined, notes: string[]) {
  const candidateSuites = new Map(candidate.manifest.suites.map((suite) => [suite.id, suite]));
  const baselineSuites = new Map(baseline.manifest.suites.map((suite) => [suite.id, suite]));
  if (requested !== undefined && requested.length > 0) {
    return requested.map((id) => {
      const baselineSuite = baselineSuites.get(id);
      if (baselineSuite === undefined) throw new UsageError(`--suite ${id}: the baseline ${baseline.source} has no such suite; it has ${[...baselineSuites.keys()].join(', ')}`);
      if (!candidateSuites.has(id)) throw new UsageError(`--suite ${id}: the candidate ${candidate.source} has no such suite; it has ${[...candidateSuites.keys()].join(', ')}`);
      return { baselineSuite, candidateSuite: candidateSuites.get(id) };
    });
  }
  const newSuites = [...candidateSuites.keys()].filter((id) => !baselineSuites.has(id));
  if (newSuites.length > 0) notes.push(`not compared: ${newSuites.join(', ')} (only in the candidate; no baseline)`);
  return [...baselineSuites.values()].map((baselineSuite) => ({ baselineSuite, candidateSuite: candidateSuites.get(baselineSuite.id) }));
}

function emptyComparison(suite: SuiteManifest, models: ModelPair, margin: number): Comparison {
  const scale = suite.metricScale ?? (suite.metricKind === 'proportion' ? 1 : 100);
  return {
    suite: suite.id,
    baselineModel: models.baseline,
    candidateModel: models.candidate,
    metric: suite.metric,
    metricKind: suite.metricKind,
    scale,
    method: null,
    planned: 0,
    paired: 0,
    clusters: 0,
    excluded: [],
    excludedCounts: { baseline: {}, candidate: {} },
    baselineValue: null,
    candidateValue: null,
    delta: null,
    interval: null,
    intervalLevel: null,
    testLevel: null,
    margin: margin * scale,
    pValue: null,
    adjustedP: null,
    mcnemarP: null,
    discordant: null,
    minimumDetectableDrop: null,
    flips: [],
    flipCount: 0,
    verdict: 'pass',
    reason: null,
  };
}

function cannotCompare(comparison: Comparison, reason: string): Comparison {
  comparison.verdict = 'cannot-compare';
  comparison.reason = reason;
  return comparison;
}

/** Fills the counts of a pairing; too many exclusions (or no pair at all) make it "cannot compare". */
function describePairing(comparison: Comparison, pairing: SamplePairing, maxExcluded: number): { comparison: Comparison; pairs: PairedItem[] } {
  comparison.planned = pairing.planned;
  comparison.paired = pairing.pairs.length;
  comparison.clusters = new Set(pairing.pairs.map((pair) => pair.cluster)).size;
  comparison.excluded = pairing.excluded;
  for (const item of pairing.excluded) {
    for (const role of ['baseline', 'candidate'] as const) {
      const why = item[role];
      if (why !== null) comparison.excludedCounts[role][why] = (comparison.excludedCounts[role][why] ?? 0) + 1;
    }
  }
  const share = pairing.planned === 0 ? 1 : pairing.excluded.length / pairing.planned;
  if (pairing.pairs.length === 0) {
    cannotCompare(comparison, pairing.planned === 0 ? 'no sample is planned in both runs' : `none of the ${pairing.planned} planned pairs was scored in both runs (${describeExclusions(comparison)})`);
  } else if (share > maxExcluded) {
    cannotCompare(
      comparison,
      `${pairing.excluded.length} of ${pairing.planned} pairs (${(share * 100).toFixed(1)}%) were not scored in both runs (${describeExclusions(comparison)}), above the ${(maxExcluded * 100).toFixed(1)}% allowed (--max-excluded)`,
    );
  }
  return { comparison, pairs: pairing.pairs };
}

/** "baseline: timeout 2; candidate: model_error 10, missing 3". */
export function describeExclusions(comparison: Pick<Comparison, 'excludedCounts'>): string {
  const parts: string[] = [];
  for (const role of ['baseline', 'candidate'] as const) {
    const counts = Object.entries(comparison.excludedCounts[role]) as [Exclusion, number][];
    if (counts.length > 0) parts.push(`${role}: ${counts.map(([why, count]) => `${why} ${count}`).join(', ')}`);
  }
  return parts.join('; ');
}

/** 0/1 metrics: every pass → fail; continuous ones: the largest drops. */
function flippedSamples(pairs: readonly PairedItem[]): { flips: FlippedSample[]; flipCount: number } {
  const dropped = pairs
    .filter((pair) => (pair.candidate.score as number) < (pair.baseline.score as number))
    .map((pair) => ({
      sampleId: pair.sampleId,
      repeat: pair.repeat,
      baselineScore: pair.baseline.score as number,
      candidateScore: pair.candidate.score as number,
      baselineAnswer: pair.baseline.answer,
      candidateAnswer: pair.candidate.answer,
    }));
  const binary = pairs.every((pair) => (pair.baseline.score === 0 || pair.baseline.score === 1) && (pair.candidate.score === 0 || pair.candidate.score === 1));
  if (binary) return { flips: dropped, flipCount: dropped.length };
  const largest = [...dropped].sort((a, b) => b.baselineScore - b.candidateScore - (a.baselineScore - a.candidateScore)).slice(0, LARGEST_DROPS);
  return { flips: largest, flipCount: dropped.length };
}
