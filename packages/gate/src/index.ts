export { runGate, describeExclusions } from './gate.js';
export { readRun } from './read-run.js';
export { pairModels, parseModelPairs, type ModelPair } from './pair-models.js';
export { suiteDifferences, refusalMessage } from './drift.js';
export { holm, type HolmDecision } from './statistics/holm.js';
export { binomialUpperTail, binomialLowerTail, clopperPearsonBounds, mcnemarExactOneSided } from './statistics/binomial.js';
export { normalQuantile } from './statistics/normal.js';
export { minimumDetectableDrop, minimumDetectableProportionDrop, MDE_POWER } from './statistics/minimum-detectable-effect.js';
export {
  DEFAULT_GATE_OPTIONS,
  type GateOptions,
  type GateReport,
  type GateRun,
  type GateRecord,
  type Comparison,
  type Drift,
  type Verdict,
  type GateMethod,
  type ExcludedSample,
  type FlippedSample,
  type Exclusion,
} from './types.js';
export { renderTable } from './render-table.js';
export { renderMarkdown, type MarkdownLinks } from './render-markdown.js';
export { renderJunit } from './render-junit.js';
