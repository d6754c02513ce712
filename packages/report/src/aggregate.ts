import { join } from 'node:path';
import { isScoredStatus, type ResultRow, type RunManifest, type SampleRecord } from '@ladder/core';
import { JOURNAL_FILE, iterateJournal, readManifest } from '@ladder/runner';
import { bootstrapInterval, bootstrapMeanInterval, circularBaseId, clusteredStandardError, corpusMetric, corpusPassAtK, corpusResampler, sumStatistics, wilsonInterval } from '@ladder/scorers';
import { sampleLatency, simultaneousSummary, type SampleLatency } from './simultaneous-latency.js';

const Z95 = 1.959963984540054;

/** What aggregation keeps of a sample: a few fields, so 100,000s of samples stay small in memory. */
interface ScoredItem {
  sampleId: string;
  repeat: number;
  status: SampleRecord['status'];
  score: number | null;
  cached: boolean;
  totalMs: number | null;
  firstTokenMs: number | null;
  outputTokensPerSecond: number | null;
  costUsd: number | null;
  /** The sample's group (subject), when its suite has groups. */
  group: string | undefined;
  /** What the scorer extracted: the vote of maj@k. */
  answer: string | null;
  /** Sufficient statistics for a corpus metric. */
  statistics: number[] | undefined;
  /** Statistics of the secondary corpus metrics, by name. */
  metrics: Record<string, number[]> | undefined;
  outputWordsPerSecond: number | null;
  outputCharactersPerSecond: number | null;
  /** Simultaneous translation: the sample's latency metrics (computed as it is read: the emitted units are not kept). */
  latency: SampleLatency | undefined;
}

export interface LatencySummary {
  suite: string;
  model: string;
  /** Real (uncached) calls that were timed. */
  timed: number;
  totalMsP50: number | null;
  totalMsP90: number | null;
  firstTokenMsP50: number | null;
  firstTokenMsP90: number | null;
  /** Median over the timed calls of their output tokens per second (from the provider's token counts); null when none reported them. */
  outputTokensPerSecondP50: number | null;
  /** Throughput of the timed calls (medians): output words (each Chinese character one word) and characters per second after the first token. */
  outputWordsPerSecondP50?: number | null;
  outputCharactersPerSecondP50?: number | null;
}

/** One scored sample x repeat, kept for paired comparisons (`aggregateRun(dir, { keepScores: true })`). */
export interface SampleScore {
  sampleId: string;
  repeat: number;
  score: number;
  /** Sufficient statistics, for corpus metrics. */
  statistics: number[] | undefined;
}

export interface RunAggregate {
  manifest: RunManifest;
  rows: ResultRow[];
  latency: LatencySummary[];
  /** Samples in the journal / planned. */
  finished: number;
  planned: number;
  /** With `keepScores`: the scored samples of each suite x model (key `scoreKey(suite, model)`), ordered by sample and repeat. */
  scores?: Map<string, SampleScore[]>;
}

export function scoreKey(suite: string, model: string): string {
  return `${suite}\u0000${model}`;
}

/** Reads a run directory and computes one row per suite x model. Pure apart from reading files. */
export function aggregateRun(directory: string, options: { keepScores?: boolean } = {}): RunAggregate {
  const manifest = readManifest(directory, { promptHashes: false });
  const groups = new Map<string, ScoredItem[]>();
  for (const record of iterateJournal(join(directory, JOURNAL_FILE))) {
    const groupKey = scoreKey(record.suite, record.model);
    let items = groups.get(groupKey);
    if (items === undefined) {
      items = [];
      groups.set(groupKey, items);
    }
    items.push({
      sampleId: record.sampleId,
      repeat: record.repeat,
      status: record.status,
      score: record.score,
      cached: record.cached,
      totalMs: record.timing?.totalMs ?? null,
      firstTokenMs: record.timing?.firstTokenMs ?? null,
      outputTokensPerSecond: record.timing?.outputTokensPerSecond ?? null,
      costUsd: record.costUsd ?? null,
      group: record.group,
      answer: record.answer,
      statistics: record.statistics,
      metrics: record.metrics,
      outputWordsPerSecond: record.timing?.outputWordsPerSecond ?? null,
      outputCharactersPerSecond: record.timing?.outputCharactersPerSecond ?? null,
      latency: record.simultaneous === undefined ? undefined : sampleLatency(record.simultaneous),
    });
  }
  // A sample should be in a journal once; if a merge or a hand edit left it twice, the first counts.
  let finished = 0;
  for (const [groupKey, items] of groups) {
    const unique = firstOfEach(items);
    groups.set(groupKey, unique);
    finished += unique.length;
  }
  const rows: ResultRow[] = [];
  const latency: LatencySummary[] = [];
  const scores = options.keepScores === true ? new Map<string, SampleScore[]>() : undefined;
  for (const suite of manifest.suites) {
    for (const model of manifest.models) {
      const key = scoreKey(suite.id, model.id);
      const items = groups.get(key) ?? [];
      rows.push(aggregateGroup({ suite, model: model.id, items, priced: model.price !== undefined && model.price !== null }));
      latency.push(summarizeLatency(suite.id, model.id, items));
      scores?.set(key, items.flatMap((item) => (isScoredStatus(item.status) && item.score !== null ? [{ sampleId: item.sampleId, repeat: item.repeat, score: item.score, statistics: item.statistics }] : [])));
    }
  }
  return { manifest, rows, latency, finished, planned: manifest.plannedSamples, ...(scores === undefined ? {} : { scores }) };
}

/** The items with duplicate (sample, repeat) pairs dropped, the first kept; order by sample. */
function firstOfEach(items: ScoredItem[]): ScoredItem[] {
  const sorted = items
    .map((item, position) => ({ item, position }))
    .sort((a, b) => (a.item.sampleId < b.item.sampleId ? -1 : a.item.sampleId > b.item.sampleId ? 1 : a.item.repeat - b.item.repeat || a.position - b.position));
  const unique: ScoredItem[] = [];
  let previous: ScoredItem | undefined;
  for (const { item } of sorted) {
    if (previous === undefined || previous.sampleId !== item.sampleId || previous.repeat !== item.repeat) unique.push(item);
    previous = item;
  }
  return unique;
}

/** The unweighted mean over groups (each subject counts once), beside the sample-weighted value. */
function groupMeans(scored: ScoredItem[]): { groups: number; macroValue: number | null } {
  const byGroup = new Map<string, { total: number; count: number }>();
  for (const item of scored) {
    if (item.group === undefined) continue;
    const entry = byGroup.get(item.group) ?? { total: 0, count: 0 };
    entry.total += item.score ?? 0;
    entry.count += 1;
    byGroup.set(item.group, entry);
  }
  if (byGroup.size === 0) return { groups: 0, macroValue: null };
  let sum = 0;
  for (const { total, count } of byGroup.values()) sum += total / count;
  return { groups: byGroup.size, macroValue: round(sum / byGroup.size) };
}

/**
 * maj@k (cons@k): per sample, the answer given most often over its repeats (ties: the one given
 * first) is the sample's answer; the share of samples whose answer scored 1. Unanswered repeats
 * do not vote.
 */
function majorityAccuracy(scored: ScoredItem[]): number | null {
  const bySample = new Map<string, ScoredItem[]>();
  for (const item of scored) {
    const list = bySample.get(item.sampleId);
    if (list === undefined) bySample.set(item.sampleId, [item]);
    else list.push(item);
  }
  if (bySample.size === 0) return null;
  let right = 0;
  for (const items of bySample.values()) {
    const votes = new Map<string, { count: number; first: number; score: number }>();
    for (const item of [...items].sort((a, b) => a.repeat - b.repeat)) {
      if (item.answer === null || item.status !== 'ok') continue;
      const vote = votes.get(item.answer) ?? { count: 0, first: item.repeat, score: item.score ?? 0 };
      vote.count += 1;
      votes.set(item.answer, vote);
    }
    let best: { count: number; first: number; score: number } | undefined;
    for (const vote of votes.values()) if (best === undefined || vote.count > best.count || (vote.count === best.count && vote.first < best.first)) best = vote;
    if (best !== undefined && best.score === 1) right += 1;
  }
  return round(right / bySample.size);
}

/** CircularEval: a question counts when every one of its rotations (`<id>#rot<k>`, in every repeat) scored 1. */
function circularAccuracy(scored: ScoredItem[]): number | null {
  if (!scored.some((item) => item.sampleId !== circularBaseId(item.sampleId))) return null;
  const questions = new Map<string, boolean>();
  for (const item of scored) {
    const question = circularBaseId(item.sampleId);
    questions.set(question, (questions.get(question) ?? true) && (item.score ?? 0) >= 1);
  }
  let right = 0;
  for (const correct of questions.values()) if (correct) right += 1;
  return round(right / questions.size);
}

/**
 * Code suites: per problem, its scored samples and how many passed, and the unbiased pass@k for
 * k = 1, 10, 100 and the number of repeats, each only when every problem has k scored samples.
 */
function passAtKOf(suite: RunManifest['suites'][number], scored: ScoredItem[]): Pick<ResultRow, 'passAtK' | 'passCounts'> {
  if (!(suite.capabilities ?? []).includes('code') || suite.metricKind !== 'proportion' || scored.some((item) => item.score !== 0 && item.score !== 1)) {
    return { passAtK: null, passCounts: null };
  }
  const passCounts: Record<string, { n: number; passed: number }> = {};
  for (const item of scored) {
    const counts = (passCounts[item.sampleId] ??= { n: 0, passed: 0 });
    counts.n += 1;
    counts.passed += item.score === 1 ? 1 : 0;
  }
  const problems = Object.values(passCounts);
  const passAtK: Record<string, number> = {};
  for (const k of [...new Set([1, 10, 100, suite.repeats])].sort((a, b) => a - b)) {
    const value = corpusPassAtK(problems, k);
    if (value !== null) passAtK[String(k)] = round(value);
  }
  return { passAtK: Object.keys(passAtK).length === 0 ? null : passAtK, passCounts };
}

/** Dollars spent on the uncached calls; null when the model has no price. */
function sumCosts(items: ScoredItem[], priced: boolean): number | null {
  if (!priced) return null;
  let total = 0;
  for (const item of items) total += item.costUsd ?? 0;
  return Math.round(total * 1e6) / 1e6;
}

function aggregateGroup(options: { suite: RunManifest['suites'][number]; model: string; items: ScoredItem[]; priced: boolean }): ResultRow {
  const { suite, items } = options;
  const scored = items.filter((item) => isScoredStatus(item.status) && item.score !== null);
  const values = scored.map((item) => item.score as number);
  const n = values.length;
  const row: ResultRow = {
    suite: suite.id,
    model: options.model,
    metric: suite.metric,
    value: null,
    ci95: null,
    n,
    errors: items.filter((item) => !isScoredStatus(item.status) && item.status !== 'truncated').length,
    truncated: items.filter((item) => item.status === 'truncated').length,
    unanswered: items.filter((item) => item.status === 'format_error').length,
    cached: items.filter((item) => item.cached).length,
    chance: suite.chance ?? null,
    repeats: suite.repeats,
    samples: suite.samples,
    costUsd: sumCosts(items, options.priced),
    ...groupMeans(scored),
    majorityValue: suite.repeats > 1 ? majorityAccuracy(scored) : null,
    circularValue: circularAccuracy(scored),
    ...passAtKOf(suite, scored),
  };
  const simultaneous = simultaneousSummary(scored.map((item) => item.latency));
  if (simultaneous !== undefined) row.simultaneous = simultaneous;
  if (n === 0) return row;
  if (suite.secondaryMetrics !== undefined) row.metrics = secondaryMetrics(row, suite.secondaryMetrics, scored, `${suite.id}/${options.model}`);
  if (suite.metricKind === 'corpus') return corpusRow(row, scored, `${suite.id}/${options.model}`);
  const mean = values.reduce((total, value) => total + value, 0) / n;
  row.value = round(mean);
  const binary = values.every((value) => value === 0 || value === 1);
  // Repeats of one sample, and the rotations of one CircularEval question, are not independent.
  const clusterOf = (item: ScoredItem) => circularBaseId(item.sampleId);
  const clustered = suite.repeats > 1 || scored.some((item) => clusterOf(item) !== item.sampleId);
  let interval: [number, number];
  if (suite.metricKind === 'proportion' && binary && !clustered) {
    interval = wilsonInterval(values.reduce((total: number, value) => total + value, 0), n);
  } else if (suite.metricKind === 'proportion' && binary) {
    // Repeats of one sample are not independent: a normal interval with the clustered SE.
    const standardError = clusteredStandardError(values, scored.map(clusterOf));
    interval = [Math.max(0, mean - Z95 * standardError), Math.min(1, mean + Z95 * standardError)];
  } else {
    interval = bootstrapMeanInterval(values, {
      seed: `${suite.id}/${options.model}`,
      ...(clustered ? { clusters: scored.map(clusterOf) } : {}),
    });
  }
  row.ci95 = [round(interval[0]), round(interval[1])];
  return row;
}

/**
 * A corpus metric (corpus BLEU, chrF): computed once from the samples' statistics summed, with a
 * percentile bootstrap over samples (repeats of one sample resampled together).
 */
function corpusRow(row: ResultRow, scored: ScoredItem[], seed: string): ResultRow {
  const missing = scored.find((item) => item.statistics === undefined);
  if (missing !== undefined) throw new Error(`${row.suite} x ${row.model}: sample ${missing.sampleId} has no statistics for the corpus metric ${row.metric}`);
  const estimate = corpusEstimate(row.metric, scored, (item) => item.statistics as number[], { seed, repeats: row.repeats });
  row.value = estimate.value;
  row.ci95 = estimate.ci95;
  return row;
}

/** The secondary corpus metrics (chrF beside BLEU), each like the main corpus metric. */
function secondaryMetrics(row: ResultRow, names: { name: string }[], scored: ScoredItem[], seed: string): NonNullable<ResultRow['metrics']> {
  const metrics: NonNullable<ResultRow['metrics']> = {};
  for (const { name } of names) {
    const missing = scored.find((item) => item.metrics?.[name] === undefined);
    if (missing !== undefined) throw new Error(`${row.suite} x ${row.model}: sample ${missing.sampleId} has no statistics for the secondary metric ${name}`);
    metrics[name] = corpusEstimate(name, scored, (item) => item.metrics?.[name] as number[], { seed: `${seed}/${name}`, repeats: row.repeats });
  }
  return metrics;
}

function corpusEstimate(
  name: string,
  scored: ScoredItem[],
  statisticsOf: (item: ScoredItem) => number[],
  options: { seed: string; repeats: number },
): { value: number; ci95: [number, number] } {
  const metric = corpusMetric(name);
  const statistics = scored.map(statisticsOf);
  const interval = bootstrapInterval({
    seed: options.seed,
    count: statistics.length,
    resamples: 1000,
    ...(options.repeats > 1 ? { clusters: scored.map((item) => item.sampleId) } : {}),
    statistic: corpusResampler(name, statistics),
  });
  return { value: round(metric.fromStatistics(sumStatistics(statistics))), ci95: [round(interval[0]), round(interval[1])] };
}

function summarizeLatency(suite: string, model: string, items: ScoredItem[]): LatencySummary {
  const totals = items.flatMap((item) => (item.cached || item.totalMs === null ? [] : [item.totalMs])).sort((a, b) => a - b);
  const firsts = items.flatMap((item) => (item.cached || item.firstTokenMs === null ? [] : [item.firstTokenMs])).sort((a, b) => a - b);
  const speeds = items.flatMap((item) => (item.cached || item.outputTokensPerSecond === null ? [] : [item.outputTokensPerSecond])).sort((a, b) => a - b);
  const rate = (of: (item: ScoredItem) => number | null) => items.flatMap((item) => (item.cached || of(item) === null ? [] : [of(item) as number])).sort((a, b) => a - b);
  return {
    suite,
    model,
    timed: totals.length,
    totalMsP50: quantile(totals, 0.5),
    totalMsP90: quantile(totals, 0.9),
    firstTokenMsP50: quantile(firsts, 0.5),
    firstTokenMsP90: quantile(firsts, 0.9),
    outputTokensPerSecondP50: quantile(speeds, 0.5),
    outputWordsPerSecondP50: quantile(rate((item) => item.outputWordsPerSecond), 0.5),
    outputCharactersPerSecondP50: quantile(rate((item) => item.outputCharactersPerSecond), 0.5),
  };
}

function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const low = sorted[Math.floor(position)] ?? 0;
  const high = sorted[Math.ceil(position)] ?? low;
  return round(low + (high - low) * (position - Math.floor(position)));
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
