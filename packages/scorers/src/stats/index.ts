export { createRng } from './random.js';
export { mean, sampleVariance, standardErrorOfMean, quantileSorted } from './summary.js';
export { Z95, wilsonInterval, clusteredStandardError, bootstrapMeanInterval, bootstrapInterval, type BootstrapOptions, type BootstrapStatisticOptions } from './intervals.js';
export { passAtK, corpusPassAtK } from './pass-at-k.js';
export { pairedBootstrap, sacrebleuConfidence, type PairedBootstrapOptions, type PairedBootstrapResult, type BootstrapEstimate } from './paired-bootstrap.js';
export { NumpyPcg64, seedSequenceState } from './numpy-random.js';
