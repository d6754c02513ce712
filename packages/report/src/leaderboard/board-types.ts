import type { ResultRow, RunManifest } from '@ladder/core';
import type { LatencySummary } from '../aggregate.js';
import type { ModelDelta } from './deltas.js';
import type { MacroScore } from './macro-average.js';
import type { MetricScale } from './metric-scale.js';

/** One run directory on the board. */
export interface BoardRun {
  directory: string;
  /** Its folder name. */
  name: string;
  manifest: RunManifest;
  finished: number;
  planned: number;
  complete: boolean;
  /** Its folder in the site (`runs/<siteId>/manifest.json`). */
  siteId: string;
}

export interface BoardSuite {
  id: string;
  version: string;
  capabilities: string[];
  metric: string;
  metricKind: RunManifest['suites'][number]['metricKind'];
  scale: MetricScale;
  samples: number;
  repeats: number;
  chance: number | null;
  datasetSha256: string;
  datasetSource: string;
  promptsSha256: string;
  /** Indices (into `runs`) of the runs that hold this suite. */
  runs: number[];
}

/** One suite x model. */
export interface BoardCell {
  suite: string;
  model: string;
  /** Index into `runs` of the run it comes from. */
  run: number;
  row: ResultRow;
  latency: LatencySummary | null;
  /** The value on the 0..1, higher-is-better scale; null when the metric's scale is unknown. */
  normalized: number | null;
  normalizedInterval: [number, number] | null;
  /** Rank upper bound among the models on this suite (1 + models whose interval lies entirely above). */
  rank: number | null;
  /** Alone at rank 1 on this suite. */
  first: boolean;
  /** Share of the other models on this suite that it beats (ties count one half). */
  winRate: number | null;
}

export interface CapabilityScore {
  score: MacroScore | null;
  rank: number | null;
  /** Suites with this tag the model has no value on (the score is then null: it would average other suites than its rivals'). */
  missing: string[];
}

export interface BoardModel {
  id: string;
  /** Place in the overall order (by mean win rate), 1-based. */
  order: number;
  meanWinRate: number | null;
  /** Suites where it is alone at rank 1. */
  firsts: number;
  firstSuites: string[];
  /** The macro average over every suite on the board with a known scale. */
  overall: CapabilityScore;
  capabilities: Record<string, CapabilityScore>;
  /** Medians over its suites of their p50 / p90 figures (uncached calls only); null without timed calls. */
  latency: {
    totalMsP50: number | null;
    totalMsP90: number | null;
    firstTokenMsP50: number | null;
    firstTokenMsP90: number | null;
    outputTokensPerSecondP50: number | null;
  };
  /** Dollars over its suites; null when no suite was priced. */
  costUsd: number | null;
  runs: number[];
}

export interface Leaderboard {
  runs: BoardRun[];
  suites: BoardSuite[];
  /** In the overall order. */
  models: BoardModel[];
  cells: BoardCell[];
  /** Capability tags present on the board, in Ladder's order. */
  capabilities: string[];
  deltas: ModelDelta[];
  /** Every run complete. */
  complete: boolean;
}

/** Finds a suite x model cell. */
export function cellFinder(board: Pick<Leaderboard, 'cells'>): (suite: string, model: string) => BoardCell | undefined {
  const index = new Map(board.cells.map((cell) => [`${cell.suite}\u0000${cell.model}`, cell]));
  return (suite, model) => index.get(`${suite}\u0000${model}`);
}
