export { builtinScorers, resolveScorer, type ScorerEntry, type BuiltinScorerName } from './registry.js';
export { exactMatch, type ExactMatchOptions } from './match/exact-match.js';
export { numericMatch, type NumericMatchOptions } from './match/numeric-match.js';
export { extractAnswerNumber, parseNumber } from './match/extract-number.js';
export { mathAnswer, type MathAnswerOptions } from './math/scorer.js';
export { extractMathAnswer, lastBoxedContent, lastBoxedOnlyString, type ExtractMathOptions } from './math/extract.js';
export { normalizeMathAnswer, UNIT_WORDS, type NormalizeOptions } from './math/normalize.js';
export { mathEqual, parseDigits, type MathEqualOptions } from './math/equal.js';
export { symbolicEqual, MAX_SYMBOLIC_LENGTH } from './math/symbolic.js';
export { hendrycksIsEquiv, hendrycksStripString } from './math/reference/hendrycks.js';
export { lmEvalLastBoxedOnlyString, lmEvalRemoveBoxed } from './math/reference/boxed.js';
export { gsm8kExtractAnswer, gsm8kStrictMatch, gsm8kFlexibleExtract, GSM8K_INVALID } from './math/reference/gsm8k.js';
export { getUnnormalizedAnswer, normalizeFinalAnswer, MINERVA_INVALID, SUBSTITUTIONS as MINERVA_SUBSTITUTIONS, REMOVED_EXPRESSIONS as MINERVA_REMOVED_EXPRESSIONS } from './math/reference/minerva.js';
export { mathHendrycks, gsm8kStrict } from './math/reference/scorers.js';
export { mathVerify, parseGold, type MathVerifyOptions } from './math/verify/scorer.js';
export { parseAnswer as mathVerifyParse, type Extracted as MathVerifyValue, type ParseOptions as MathVerifyParseOptions } from './math/verify/parse.js';
export { verifyAnswer as mathVerifyVerify, type VerifyOptions as MathVerifyVerifyOptions } from './math/verify/verify.js';
export type { ExtractionConfig as MathVerifyExtractionConfig } from './math/verify/extraction-patterns.js';
export { choiceMatch } from './match/choice-match.js';
export { extractChoice } from './match/extract-choice.js';
export { chrf } from './translation/chrf-scorer.js';
export { bleu } from './translation/bleu-scorer.js';
export * from './translation/index.js';
export { jsFunctionTests, type JsFunctionTestsOptions } from './code/js-function-tests.js';
export { extractJavaScript } from './code/extract-code.js';
export { runJavaScript, type RunProgramOptions } from './code/run-javascript.js';
export { pythonFunctionTests, type PythonFunctionTestsOptions } from './code/python-function-tests.js';
export { extractPython, definesFunction } from './code/extract-python.js';
export { assemblePythonProgram, type PythonTestProgram } from './code/python-program.js';
export {
  createExecutor,
  sharedExecutor,
  sandboxChoiceFromEnvironment,
  type ProgramExecutor,
  type ExecutorOptions,
  type ExecutionEnvironment,
  type SandboxChoice,
} from './code/execution/executor.js';
export { DEFAULT_LIMITS, resolveLimits, type ExecutionLimits } from './code/execution/limits.js';
export { SandboxError, type ProgramLanguage, type ProgramOutcome, type ProgramRequest, type ProgramResult } from './code/execution/program.js';
export type { TierName } from './code/execution/tier.js';
export { pythonSplit, pythonStrip, pythonRstrip, codePoints, PYTHON_WHITESPACE } from './text/python-strings.js';
export {
  createRng,
  NumpyPcg64,
  seedSequenceState,
  mean,
  sampleVariance,
  standardErrorOfMean,
  quantileSorted,
  Z95,
  wilsonInterval,
  clusteredStandardError,
  bootstrapMeanInterval,
  bootstrapInterval,
  passAtK,
  corpusPassAtK,
  type BootstrapOptions,
  type BootstrapStatisticOptions,
} from './stats/index.js';
export { circularVariants, circularCorrect, circularBaseId } from './choice/circular.js';
export {
  simpleEvalsMmluExtract,
  simpleEvalsGpqaExtract,
  opencompassFirstOption,
  opencompassFirstCapital,
  opencompassMmluSimpleEvalsExtract,
  opencompassCmmluCotExtract,
  cmmluExtractChoice,
  cevalExtractAnswer,
  lmEvalMmluGenerativeFilter,
  type CmmluExtractOptions,
} from './choice/reference-extractors.js';
export {
  averageLagging,
  lengthAdaptiveAverageLagging,
  differentiableAverageLagging,
  averageProportion,
  startOffset,
  endOffset,
  realTimeFactor,
  numberOfChunks,
} from './latency/latency-metrics.js';
export { instanceLatency, meanLatency, referenceLength, targetUnits, type LatencyInstance, type LatencyUnit } from './latency/instance-latency.js';
