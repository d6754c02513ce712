export { resolveSuiteDefinition, prepareSuite, type PreparedSuite } from './prepare-suite.js';
export { planRun, parseShard, itemKey, settingsFor, type Plan, type PlanItem, type PlannedModel, type Shard } from './plan.js';
export { Journal, readJournal, iterateJournal, recordKey } from './journal.js';
export { FileResponseCache, cacheKey, type ResponseCache, type CachedResponse } from './cache.js';
export { withRetry, retryDelay, isRetryableError, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';
export { callModel, type ModelAnswer } from './call-model.js';
export { executePlan, type ExecuteSummary, type RunHooks } from './execute.js';
export { runPlan, DEFAULT_TIMEOUT_MS, type RunOptions, type RunResult } from './run.js';
export {
  readManifest,
  writeManifest,
  writeFileAtomic,
  openRunDirectory,
  MANIFEST_FILE,
  JOURNAL_FILE,
  RESULT_FILES,
} from './run-directory.js';
export { mergeRuns } from './merge.js';
export { RateLimiter, estimateTokens, type RateLimits } from './rate-limiter.js';
export { LADDER_ROOT, gitRevision, packageVersions } from './environment.js';
