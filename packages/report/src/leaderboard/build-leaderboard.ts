import { CAPABILITIES, UsageError } from '@ladder/core';
import { quantileSorted } from '@ladder/scorers';
import { scoreKey } from '../aggregate.js';
import { cellFinder, type BoardCell, type BoardModel, type BoardSuite, type CapabilityScore, type Leaderboard } from './board-types.js';
import { combineRuns, type LoadedRun } from './combine-runs.js';
import { groupDelta, normalizeDelta, suiteDelta, type GroupDelta, type ModelDelta, type SuiteDelta } from './deltas.js';
import { macroAverage, round, type MacroPart } from './macro-average.js';
import { normalizeInterval, normalizeValue, orientInterval } from './metric-scale.js';
import { rankUpperBound, soleFirst, type RankEntry } from './ranks.js';
import { meanWinRates } from './win-rate.js';

export interface LeaderboardOptions {
  runs: readonly LoadedRun[];
  /** Pairs [base, candidate]: version-over-version deltas, candidate minus base. */
  deltas?: readonly (readonly [string, string])[];
}

/**
 * The comparison of every model on every suite of several runs: ranks with ties, firsts, macro
 * averages per capability, mean win rates (the overall order) and deltas. Pure: it reads
 * nothing; the runs come from `aggregateRun(directory, { keepScores: true })`.
 */
export function buildLeaderboard(options: LeaderboardOptions): Leaderboard {
  const { runs, suites } = combineRuns(options.runs);
  const cells: BoardCell[] = [];
  const modelIds: string[] = [];
  options.runs.forEach((run, runIndex) => {
    const { aggregate } = run;
    for (const model of aggregate.manifest.models) if (!modelIds.includes(model.id)) modelIds.push(model.id);
    for (const row of aggregate.rows) {
      const suite = suites.find((candidate) => candidate.id === row.suite) as BoardSuite;
      cells.push({
        suite: row.suite,
        model: row.model,
        run: runIndex,
        row,
        latency: aggregate.latency.find((entry) => entry.suite === row.suite && entry.model === row.model) ?? null,
        normalized: normalizeValue(row.value, suite.scale),
        normalizedInterval: normalizeInterval(row.ci95, suite.scale),
        rank: null,
        first: false,
        winRate: null,
      });
    }
  });

  const findCell = cellFinder({ cells });
  // Per suite: ranks, the sole first, win rates (on the metric's own scale, turned so higher is better).
  const perSuiteValues: Map<string, number>[] = [];
  for (const suite of suites) {
    const suiteCells = modelIds.flatMap((model) => findCell(suite.id, model) ?? []);
    const entries: RankEntry[] = suiteCells.map((cell) => ({
      model: cell.model,
      value: cell.row.value === null ? null : suite.scale.higherIsBetter ? cell.row.value : -cell.row.value,
      interval: orientInterval(cell.row.ci95, suite.scale.higherIsBetter),
    }));
    const ranks = rankUpperBound(entries);
    const first = soleFirst(ranks);
    const values = new Map(entries.flatMap((entry) => (entry.value === null ? [] : [[entry.model, entry.value] as const])));
    perSuiteValues.push(values);
    const rates = meanWinRates([values]);
    for (const cell of suiteCells) {
      cell.rank = ranks.get(cell.model) ?? null;
      cell.first = first === cell.model;
      cell.winRate = rates.get(cell.model) ?? null;
    }
  }
  const winRates = meanWinRates(perSuiteValues);

  const capabilities = capabilityOrder(suites);
  const groupScores = (groupSuites: BoardSuite[]) => {
    const scores = new Map<string, CapabilityScore>();
    for (const model of modelIds) {
      const parts: MacroPart[] = [];
      const missing: string[] = [];
      for (const suite of groupSuites) {
        const cell = findCell(suite.id, model);
        if (cell?.normalized === null || cell?.normalized === undefined || cell.normalizedInterval === null) missing.push(suite.id);
        else parts.push({ value: cell.normalized, interval: cell.normalizedInterval });
      }
      scores.set(model, { score: missing.length === 0 ? macroAverage(parts, groupSuites.map((suite) => suite.id)) : null, rank: null, missing });
    }
    const ranks = rankUpperBound([...scores].map(([model, entry]) => ({ model, value: entry.score?.value ?? null, interval: entry.score?.ci95 ?? null })));
    for (const [model, entry] of scores) entry.rank = ranks.get(model) ?? null;
    return scores;
  };
  const byCapability = new Map(capabilities.map((capability) => [capability, groupScores(suites.filter((suite) => suite.capabilities.includes(capability)))]));
  const overall = groupScores(suites.filter((suite) => suite.scale.scale !== null));

  const models: BoardModel[] = modelIds.map((id) => {
    const modelCells = cells.filter((cell) => cell.model === id);
    const firstSuites = modelCells.filter((cell) => cell.first).map((cell) => cell.suite);
    const costs = modelCells.flatMap((cell) => (cell.row.costUsd === null ? [] : [cell.row.costUsd]));
    const medianOf = (pick: (cell: BoardCell) => number | null | undefined) => {
      const values = modelCells.flatMap((cell) => {
        const value = pick(cell);
        return value === null || value === undefined ? [] : [value];
      });
      return values.length === 0 ? null : round(quantileSorted(values.sort((a, b) => a - b), 0.5));
    };
    return {
      id,
      order: 0,
      meanWinRate: winRates.get(id) ?? null,
      firsts: firstSuites.length,
      firstSuites,
      overall: overall.get(id) as CapabilityScore,
      capabilities: Object.fromEntries(capabilities.map((capability) => [capability, byCapability.get(capability)?.get(id) as CapabilityScore])),
      latency: {
        totalMsP50: medianOf((cell) => cell.latency?.totalMsP50),
        totalMsP90: medianOf((cell) => cell.latency?.totalMsP90),
        firstTokenMsP50: medianOf((cell) => cell.latency?.firstTokenMsP50),
        firstTokenMsP90: medianOf((cell) => cell.latency?.firstTokenMsP90),
        outputTokensPerSecondP50: medianOf((cell) => cell.latency?.outputTokensPerSecondP50),
      },
      costUsd: costs.length === 0 ? null : round(costs.reduce((total, cost) => total + cost, 0)),
      runs: [...new Set(modelCells.map((cell) => cell.run))],
    };
  });
  models.sort(
    (a, b) =>
      (b.meanWinRate ?? -1) - (a.meanWinRate ?? -1) ||
      (b.overall.score?.value ?? -1) - (a.overall.score?.value ?? -1) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  models.forEach((model, index) => (model.order = index + 1));

  const deltas = (options.deltas ?? []).map(([base, candidate]) => modelDelta({ base, candidate, modelIds, suites, capabilities, runs: options.runs, findCell }));
  return { runs, suites, models, cells, capabilities, deltas, complete: runs.every((run) => run.complete) };
}

/** The capability tags present, in Ladder's order (math, code, knowledge, ...), then any others alphabetically. */
function capabilityOrder(suites: readonly BoardSuite[]): string[] {
  const present = new Set(suites.flatMap((suite) => suite.capabilities));
  const known: readonly string[] = CAPABILITIES;
  return [...known.filter((tag) => present.has(tag)), ...[...present].filter((tag) => !known.includes(tag)).sort()];
}

function modelDelta(options: {
  base: string;
  candidate: string;
  modelIds: string[];
  suites: BoardSuite[];
  capabilities: string[];
  runs: readonly LoadedRun[];
  findCell: (suite: string, model: string) => BoardCell | undefined;
}): ModelDelta {
  const { base, candidate, findCell } = options;
  for (const model of [base, candidate]) {
    if (!options.modelIds.includes(model)) throw new UsageError(`--delta ${base},${candidate}: no model ${model} on the board; models: ${options.modelIds.join(', ')}`);
  }
  if (base === candidate) throw new UsageError(`--delta ${base},${candidate}: name two different models (the base first, then the one to compare with it)`);
  const scoresOf = (cell: BoardCell) => options.runs[cell.run]?.aggregate.scores?.get(scoreKey(cell.suite, cell.model)) ?? [];
  const suiteDeltas: SuiteDelta[] = options.suites.map((suite) => {
    const baseCell = findCell(suite.id, base);
    const candidateCell = findCell(suite.id, candidate);
    if (baseCell === undefined || candidateCell === undefined) return { suite: suite.id, base: baseCell?.row.value ?? null, candidate: candidateCell?.row.value ?? null, delta: null, normalized: null };
    const delta = suiteDelta({
      metric: suite.metric,
      metricKind: suite.metricKind,
      base: { row: baseCell.row, scores: scoresOf(baseCell) },
      candidate: { row: candidateCell.row, scores: scoresOf(candidateCell) },
      seed: `delta/${suite.id}/${base}/${candidate}`,
    });
    return { suite: suite.id, base: baseCell.row.value, candidate: candidateCell.row.value, delta, normalized: normalizeDelta(delta, suite.scale) };
  });
  const group = (name: string, groupSuites: BoardSuite[]): GroupDelta => {
    const parts = suiteDeltas.filter((entry) => groupSuites.some((suite) => suite.id === entry.suite));
    const missing = parts.filter((entry) => entry.normalized === null).map((entry) => entry.suite);
    const score = (model: string) => {
      const cells = groupSuites.map((suite) => findCell(suite.id, model));
      if (cells.some((cell) => cell?.normalized === null || cell?.normalized === undefined)) return null;
      return round(cells.reduce((total, cell) => total + (cell?.normalized ?? 0), 0) / cells.length);
    };
    return {
      group: name,
      base: score(base),
      candidate: score(candidate),
      delta: missing.length > 0 ? null : groupDelta(parts.map((entry) => ({ suite: entry.suite, delta: entry.normalized as NonNullable<SuiteDelta['normalized']> }))),
      missing,
    };
  };
  return {
    base,
    candidate,
    suites: suiteDeltas,
    capabilities: options.capabilities.map((capability) => group(capability, options.suites.filter((suite) => suite.capabilities.includes(capability)))),
    overall: group('overall', options.suites.filter((suite) => suite.scale.scale !== null)),
  };
}
