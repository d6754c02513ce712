/**
 * `@ladder/scorers/translation`: the translation metrics alone (BLEU, chrF, chrF++, TER, their
 * signatures and the paired bootstrap), for tools that should not load the math and code scorers
 * (`ladder mt-score` starts in well under a second).
 */
export { bleuSegmentStatistics, bleuFromStatistics, sentenceBleu, corpusBleu, bleuTokens, BLEU_SMOOTH_DEFAULTS, type BleuOptions, type BleuScore, type BleuSmoothMethod } from './bleu.js';
export { bleuTokenizer, isBleuTokenizerName, BLEU_TOKENIZERS, type BleuTokenizerName } from './bleu-tokenizers.js';
export { chrfSentence, chrfCorpus, chrfSegmentStatistics, chrfFromStatistics, type ChrfOptions } from './chrf.js';
export { corpusTer, sentenceTer, terSegmentStatistics, terFromStatistics, terWords, translationEditRate, type TerOptions, type TerScore } from './ter.js';
export { tercomTokenize, type TercomOptions } from './tercom-tokenizer.js';
export { bleuSignature, chrfSignature, terSignature, SIGNATURE_VERSION, type SignatureContext } from './sacrebleu-signature.js';
export { referencesOfSegment, referenceCount, type ReferenceStreams } from './reference-streams.js';
export { corpusMetric, corpusResampler, corpusValue, registerCorpusMetric, sumStatistics, type CorpusMetric } from './corpus-metric.js';
export {
  scoreTranslations,
  compareTranslations,
  isTranslationMetric,
  TRANSLATION_METRICS,
  type TranslationMetric,
  type TranslationScores,
  type ScoreTranslationsOptions,
  type PairedComparison,
} from './score-translations.js';
export { pairedBootstrap, sacrebleuConfidence, type PairedBootstrapOptions, type PairedBootstrapResult, type BootstrapEstimate } from '../stats/paired-bootstrap.js';
export { NumpyPcg64 } from '../stats/numpy-random.js';
export { pythonRstrip, pythonSplit } from '../text/python-strings.js';
export { countWords } from './count-words.js';
