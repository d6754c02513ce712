import { pythonRstrip } from '../text/python-strings.js';
import { bleuTokenize, type BleuTokenizerName } from './bleu-tokenizers.js';
import { countSequence, NgramTrie, takeMatches, WordIds } from './ngram-trie.js';
import { sumCorpusStatistics, type ReferenceStreams } from './reference-streams.js';

const TRIE = new NgramTrie();

/**
 * BLEU exactly as sacreBLEU 2.x computes it (`sacrebleu/metrics/bleu.py`); see
 * ../shared/SCORING.md §1.3. Segment statistics are `[sys_len, ref_len, correct_1..N, total_1..N]`;
 * a corpus score is computed once from their element-wise sum, never averaged over sentences.
 */
export type BleuSmoothMethod = 'none' | 'floor' | 'add-k' | 'exp';

export interface BleuOptions {
  /** The tokenizer (default `13a`; `zh` for Chinese output). */
  tokenize?: BleuTokenizerName;
  lowercase?: boolean;
  /** Smoothing (default `exp`, the mteval-v13a/NIST method). */
  smoothMethod?: BleuSmoothMethod;
  /** For `floor` (default 0.1, an absolute count) and `add-k` (default 1). */
  smoothValue?: number;
  /** Highest n-gram order (default 4). */
  maxNgramOrder?: number;
  /** Average over the orders up to the highest one with hypothesis n-grams (default false; true in `sentenceBleu`). */
  effectiveOrder?: boolean;
}

/** A BLEU score with the statistics behind it (sacreBLEU's `BLEUScore`). */
export interface BleuScore {
  /** 0..100. */
  score: number;
  /** Matched n-grams per order (the raw sums: add-k's additions are not in them). */
  counts: number[];
  /** Hypothesis n-grams per order. */
  totals: number[];
  /** Precision per order on 0..100, after smoothing. */
  precisions: number[];
  /** Brevity penalty. */
  bp: number;
  sysLen: number;
  refLen: number;
}

export const BLEU_SMOOTH_DEFAULTS: Record<BleuSmoothMethod, number | undefined> = { none: undefined, floor: 0.1, 'add-k': 1, exp: undefined };

interface ResolvedOptions {
  tokenize: BleuTokenizerName;
  lowercase: boolean;
  smoothMethod: BleuSmoothMethod;
  smoothValue: number | undefined;
  maxNgramOrder: number;
  effectiveOrder: boolean;
}

function resolve(options: BleuOptions, effectiveOrderDefault = false): ResolvedOptions {
  const smoothMethod = options.smoothMethod ?? 'exp';
  if (!(smoothMethod in BLEU_SMOOTH_DEFAULTS)) throw new RangeError(`BLEU: unknown smoothing method "${smoothMethod}"; known: none, floor, add-k, exp`);
  const maxNgramOrder = options.maxNgramOrder ?? 4;
  if (!Number.isInteger(maxNgramOrder) || maxNgramOrder < 1) throw new RangeError(`BLEU: maxNgramOrder must be a whole number >= 1, not ${maxNgramOrder}`);
  return {
    tokenize: options.tokenize ?? '13a',
    lowercase: options.lowercase ?? false,
    smoothMethod,
    smoothValue: options.smoothValue ?? BLEU_SMOOTH_DEFAULTS[smoothMethod],
    maxNgramOrder,
    effectiveOrder: options.effectiveOrder ?? effectiveOrderDefault,
  };
}

/** BLEU's preprocessing: optional `lower()`, then the tokenizer on the `rstrip()`ped line, then `split()`. */
export function bleuTokens(sentence: string, options: Pick<BleuOptions, 'tokenize' | 'lowercase'> = {}): string[] {
  const text = options.lowercase === true ? sentence.toLowerCase() : sentence;
  return bleuTokenize(options.tokenize ?? '13a', pythonRstrip(text));
}

/** The reference length closest to the hypothesis length; ties go to the shorter reference. */
function closestReferenceLength(hypothesisLength: number, referenceLengths: readonly number[]): number {
  let closestDifference = -1;
  let closest = -1;
  for (const length of referenceLengths) {
    const difference = Math.abs(hypothesisLength - length);
    if (closestDifference === -1 || difference < closestDifference) {
      closestDifference = difference;
      closest = length;
    } else if (difference === closestDifference && length < closest) {
      closest = length;
    }
  }
  return closest;
}

/**
 * Sufficient statistics of one segment: `[sys_len, ref_len, correct_1..N, total_1..N]`. With
 * several references a hypothesis n-gram is clipped by its highest count in any one reference,
 * and ref_len is the reference length closest to the hypothesis length (the shorter on ties).
 */
export function bleuSegmentStatistics(hypothesis: string, references: readonly string[], options: BleuOptions = {}): number[] {
  if (references.length === 0) throw new RangeError('bleuSegmentStatistics: at least one reference is needed');
  const resolved = resolve(options);
  const order = resolved.maxNgramOrder;
  const ids = new WordIds();
  const idOf = (token: string) => ids.add(token);
  TRIE.clear();
  const referenceLengths: number[] = [];
  let maxima: Int32Array;
  if (references.length === 1) {
    const tokens = bleuTokens(references[0] as string, resolved);
    referenceLengths.push(tokens.length);
    countSequence(TRIE, tokens.map(idOf), order);
    maxima = TRIE.counts;
  } else {
    // Clipping by the highest count of an n-gram in any one reference.
    const touched: number[] = [];
    let highest = new Int32Array(0);
    for (const reference of references) {
      const tokens = bleuTokens(reference, resolved);
      referenceLengths.push(tokens.length);
      touched.length = 0;
      countSequence(TRIE, tokens.map(idOf), order, touched);
      if (highest.length < TRIE.size) {
        const grown = new Int32Array(TRIE.counts.length);
        grown.set(highest);
        highest = grown;
      }
      for (const node of touched) {
        if ((TRIE.counts[node] as number) > (highest[node] as number)) highest[node] = TRIE.counts[node] as number;
      }
      for (const node of touched) TRIE.counts[node] = 0;
    }
    maxima = highest;
  }
  // A token no reference has gets -1, which no trie edge has.
  const hypothesisTokens = bleuTokens(hypothesis, resolved);
  const correct = takeMatches(TRIE, hypothesisTokens.map((token) => ids.find(token)), order, maxima);
  const total = Array.from({ length: order }, (_, index) => Math.max(0, hypothesisTokens.length - index));
  return [hypothesisTokens.length, closestReferenceLength(hypothesisTokens.length, referenceLengths), ...correct, ...total];
}

/** sacreBLEU's `my_log`: log with log(0) floored to −9999999999, so a zero precision gives 0. */
function floorLog(value: number): number {
  return value === 0 ? -9999999999 : Math.log(value);
}

/**
 * BLEU of summed statistics (`BLEU.compute_bleu`). No unigram match at all gives 0 under every
 * smoothing (sacreBLEU issue #141); the loop stops at the first order without hypothesis n-grams.
 */
export function bleuFromStatistics(totals: readonly number[], options: BleuOptions = {}): BleuScore {
  const resolved = resolve(options);
  const order = resolved.maxNgramOrder;
  if (totals.length !== 2 + 2 * order) {
    throw new RangeError(`bleuFromStatistics: expected ${2 + 2 * order} statistics for max order ${order}, got ${totals.length}`);
  }
  const sysLen = totals[0] as number;
  const refLen = totals[1] as number;
  const counts = totals.slice(2, 2 + order);
  const hypothesisNgrams = totals.slice(2 + order);
  const bp = sysLen < refLen ? (sysLen > 0 ? Math.exp(1 - refLen / sysLen) : 0) : 1;
  const precisions = new Array<number>(order).fill(0);
  const result = { counts, totals: hypothesisNgrams, precisions, bp, sysLen, refLen };
  if (!counts.some((count) => count !== 0)) return { score: 0, ...result };

  const smoothValue = resolved.smoothValue ?? 0;
  let smoothMteval = 1;
  let effectiveOrder = order;
  for (let n = 1; n <= order; n += 1) {
    let correct = counts[n - 1] as number;
    let total = hypothesisNgrams[n - 1] as number;
    // add-k leaves unigrams alone, as upstream.
    if (resolved.smoothMethod === 'add-k' && n > 1) {
      correct += smoothValue;
      total += smoothValue;
    }
    if (total === 0) break;
    if (resolved.effectiveOrder) effectiveOrder = n;
    if (correct === 0) {
      if (resolved.smoothMethod === 'exp') {
        smoothMteval *= 2;
        precisions[n - 1] = 100 / (smoothMteval * total);
      } else if (resolved.smoothMethod === 'floor') {
        precisions[n - 1] = (100 * smoothValue) / total;
      }
    } else {
      precisions[n - 1] = (100 * correct) / total;
    }
  }
  let logSum = 0;
  for (let index = 0; index < effectiveOrder; index += 1) logSum += floorLog(precisions[index] as number);
  return { score: bp * Math.exp(logSum / effectiveOrder), ...result };
}

/**
 * Sentence BLEU of one hypothesis against its references. Effective order is on by default, as in
 * `sacrebleu.sentence_bleu` (a sentence shorter than four tokens would otherwise score 0).
 */
export function sentenceBleu(hypothesis: string, references: readonly string[], options: BleuOptions = {}): BleuScore {
  const resolved = resolve(options, true);
  return bleuFromStatistics(bleuSegmentStatistics(hypothesis, references, resolved), resolved);
}

/**
 * Corpus BLEU. `referenceStreams[k][i]` is the k-th reference of segment i (sacreBLEU's layout);
 * a null or missing entry means that segment has fewer references.
 */
export function corpusBleu(hypotheses: readonly string[], referenceStreams: ReferenceStreams, options: BleuOptions = {}): BleuScore {
  const resolved = resolve(options);
  const totals = sumCorpusStatistics(hypotheses, referenceStreams, 'corpusBleu', (hypothesis, references) => bleuSegmentStatistics(hypothesis, references, resolved));
  // An empty corpus: all-zero statistics (score 0).
  while (totals.length < 2 + 2 * resolved.maxNgramOrder) totals.push(0);
  return bleuFromStatistics(totals, resolved);
}
