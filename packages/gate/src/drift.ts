import { stableStringify, type SuiteManifest } from '@ladder/core';
import type { Drift } from './types.js';

/** How one suite differs between the runs. */
export interface SuiteDifferences {
  /** Changes that make the numbers incomparable unless --allow-drift. */
  drift: Drift[];
  /** A difference no flag can bridge (another metric): the suite cannot be compared. */
  incompatible: string | null;
  /** Differences worth saying that do not stop the comparison. */
  notes: string[];
}

/** Compares a suite's manifest entries of the two runs: version, data, scorer, sample ids and each sample's prompt hash. */
export function suiteDifferences(baseline: SuiteManifest, candidate: SuiteManifest): SuiteDifferences {
  const suite = baseline.id;
  const drift: Drift[] = [];
  const notes: string[] = [];
  const add = (change: string) => drift.push({ suite, change });
  if (baseline.version !== candidate.version) add(`the suite version changed (${baseline.version} → ${candidate.version})`);
  if (baseline.datasetSha256 !== candidate.datasetSha256) {
    add(`the dataset changed (sha256 ${baseline.datasetSha256.slice(0, 12)} → ${candidate.datasetSha256.slice(0, 12)})`);
  }
  if (baseline.scorer !== candidate.scorer) add(`the scorer changed (${baseline.scorer} → ${candidate.scorer})`);

  const baselineHashes = baseline.promptHashes ?? {};
  const candidateHashes = candidate.promptHashes ?? {};
  const onlyBaseline = Object.keys(baselineHashes).filter((id) => !(id in candidateHashes));
  const onlyCandidate = Object.keys(candidateHashes).filter((id) => !(id in baselineHashes));
  const common = Object.keys(baselineHashes).filter((id) => id in candidateHashes);
  if (onlyBaseline.length > 0 || onlyCandidate.length > 0) {
    const parts = [
      ...(onlyBaseline.length > 0 ? [`${onlyBaseline.length} only in the baseline (first: ${onlyBaseline[0]})`] : []),
      ...(onlyCandidate.length > 0 ? [`${onlyCandidate.length} only in the candidate (first: ${onlyCandidate[0]})`] : []),
    ];
    add(`the sample sets differ: ${parts.join(', ')}, ${common.length} in both (was --limit or the data changed?)`);
  }
  const changed = common.filter((id) => baselineHashes[id] !== candidateHashes[id]);
  if (changed.length > 0) {
    const why = changed.length === common.length ? 'the prompt template changed' : "those samples' prompts changed";
    add(`the prompts differ for ${changed.length} of ${common.length} samples (first: ${changed[0]}) — ${why}`);
  }

  let incompatible: string | null = null;
  if (baseline.metric !== candidate.metric || baseline.metricKind !== candidate.metricKind) {
    incompatible = `the metric changed (${baseline.metric}, ${baseline.metricKind} → ${candidate.metric}, ${candidate.metricKind}); one number cannot be compared with the other`;
  }
  if (baseline.repeats !== candidate.repeats) {
    const paired = Math.min(baseline.repeats, candidate.repeats);
    notes.push(`${suite}: repeats differ (${baseline.repeats} → ${candidate.repeats}); repeats 0..${paired - 1} are paired, the others are left out`);
  }
  if (stableStringify(baseline.generation ?? {}) !== stableStringify(candidate.generation ?? {})) {
    notes.push(`${suite}: generation settings differ (${stableStringify(baseline.generation ?? {})} → ${stableStringify(candidate.generation ?? {})})`);
  }
  return { drift, incompatible, notes };
}

/** The one-line refusal for drifted suites. */
export function refusalMessage(drift: readonly Drift[]): string {
  const bySuite = new Map<string, string[]>();
  for (const item of drift) bySuite.set(item.suite, [...(bySuite.get(item.suite) ?? []), item.change]);
  const parts = [...bySuite].map(([suite, changes]) => `${suite}: ${changes.join('; ')}`);
  return `${parts.join(' | ')}; rerun the baseline or pass --allow-drift`;
}
