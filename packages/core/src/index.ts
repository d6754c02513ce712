export type { ChatMessage, Sample } from './sample.js';
export { SAMPLE_STATUSES, INFRASTRUCTURE_STATUSES, isScoredStatus, type SampleStatus } from './status.js';
export { LadderError, UsageError, APICallError, TimeoutError, parseRetryAfter, describeError, redactSecrets } from './errors.js';
export {
  parseModelId,
  UNKNOWN_USAGE,
  type LanguageModelV1,
  type GenerationSettings,
  type ReferenceHint,
  type CallOptions,
  type FinishReason,
  type Usage,
  type GenerateResult,
  type StreamPart,
  type StreamResult,
} from './language-model.js';
export type { Score, ScoreInput, MetricKind, MetricSpec, Scorer, ScorerRunSettings, ScorerEnvironment } from './scorer.js';
export {
  CAPABILITIES,
  defineSuite,
  isSuite,
  type Capability,
  type LoadedDataset,
  type LoadContext,
  type Suite,
  type SuiteDefinition,
} from './suite.js';
export type {
  SampleTiming,
  SampleRecord,
  SuiteManifest,
  ModelManifest,
  RunManifest,
  ResultRow,
  LatencyMetrics,
  SimultaneousSummary,
  SimultaneousRecord,
  SessionCallRecord,
} from './record.js';
export type { SampleSession, SessionContext, SessionRequest, SessionReply, SessionOutcome } from './session.js';
export { defineConfig, type LadderConfig, type ModelProvider, type ProviderConfig, type ModelPrice } from './config.js';
export { renderTemplate, TemplateFieldError } from './template.js';
export { sha256, stableStringify } from './hash.js';
