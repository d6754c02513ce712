import { codePoints, pythonSplit } from '../text/python-strings.js';
import { sumCorpusStatistics, type ReferenceStreams } from './reference-streams.js';

/**
 * chrF and chrF++ exactly as sacreBLEU 2.x computes them (`sacrebleu/metrics/chrf.py`); see
 * ../shared/SCORING.md §1.4. Character n-grams are taken over code points with all whitespace
 * removed; chrF++ adds word uni- and bigrams.
 */
export interface ChrfOptions {
  /** Character n-gram order (default 6). */
  charOrder?: number;
  /** Word n-gram order: 0 for chrF (default), 2 for chrF++. */
  wordOrder?: number;
  /** Weight of recall against precision (default 2). */
  beta?: number;
  lowercase?: boolean;
  /** Keep whitespace inside character n-grams (default false). */
  whitespace?: boolean;
  /** Average the per-order F scores (chrF++.py, NLTK, Moses) instead of sacreBLEU's effective order. */
  epsSmoothing?: boolean;
}

type ResolvedOptions = Required<ChrfOptions>;

const PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');
const EPS = 1e-16;

function resolve(options: ChrfOptions): ResolvedOptions {
  return {
    charOrder: options.charOrder ?? 6,
    wordOrder: options.wordOrder ?? 0,
    beta: options.beta ?? 2,
    lowercase: options.lowercase ?? false,
    whitespace: options.whitespace ?? false,
    epsSmoothing: options.epsSmoothing ?? false,
  };
}

type NgramCounts = Map<string, number>;

function countNgrams(units: readonly string[], order: number, separator: string): NgramCounts {
  const counts: NgramCounts = new Map();
  for (let start = 0; start + order <= units.length; start += 1) {
    const ngram = units.slice(start, start + order).join(separator);
    counts.set(ngram, (counts.get(ngram) ?? 0) + 1);
  }
  return counts;
}

/** sacreBLEU's `_remove_punctuation`: one leading or trailing ASCII punctuation mark split off a word. */
function splitPunctuation(sentence: string): string[] {
  const words: string[] = [];
  for (const word of pythonSplit(sentence)) {
    const units = codePoints(word);
    if (units.length === 1) {
      words.push(word);
    } else if (PUNCTUATION.has(units[units.length - 1] as string)) {
      words.push(units.slice(0, -1).join(''), units[units.length - 1] as string);
    } else if (PUNCTUATION.has(units[0] as string)) {
      words.push(units[0] as string, units.slice(1).join(''));
    } else {
      words.push(word);
    }
  }
  return words;
}

function extractNgrams(sentence: string, options: ResolvedOptions): NgramCounts[] {
  const text = options.lowercase ? sentence.toLowerCase() : sentence;
  const characters = codePoints(options.whitespace ? text : pythonSplit(text).join(''));
  const all: NgramCounts[] = [];
  for (let order = 1; order <= options.charOrder; order += 1) all.push(countNgrams(characters, order, ''));
  if (options.wordOrder > 0) {
    const words = splitPunctuation(text);
    for (let order = 1; order <= options.wordOrder; order += 1) all.push(countNgrams(words, order, ' '));
  }
  return all;
}

function sumCounts(counts: NgramCounts): number {
  let total = 0;
  for (const count of counts.values()) total += count;
  return total;
}

/** Per order: [hypothesis n-grams (0 when the reference has none of that order), reference n-grams, matches]. */
function matchStatistics(hypothesis: NgramCounts[], reference: NgramCounts[]): number[] {
  const statistics: number[] = [];
  hypothesis.forEach((hypothesisCounts, order) => {
    const referenceCounts = reference[order] as NgramCounts;
    let matches = 0;
    for (const [ngram, count] of hypothesisCounts) {
      const referenceCount = referenceCounts.get(ngram);
      if (referenceCount !== undefined) matches += Math.min(count, referenceCount);
    }
    statistics.push(referenceCounts.size > 0 ? sumCounts(hypothesisCounts) : 0, sumCounts(referenceCounts), matches);
  });
  return statistics;
}

/** The chrF score (0..100) of summed statistics. */
export function chrfFromStatistics(statistics: readonly number[], options: ChrfOptions = {}): number {
  const resolved = resolve(options);
  const orders = resolved.charOrder + resolved.wordOrder;
  const factor = resolved.beta ** 2;
  let score = 0;
  let averagePrecision = 0;
  let averageRecall = 0;
  let effectiveOrder = 0;
  for (let order = 0; order < orders; order += 1) {
    const hypothesisCount = statistics[3 * order] ?? 0;
    const referenceCount = statistics[3 * order + 1] ?? 0;
    const matches = statistics[3 * order + 2] ?? 0;
    const precision = hypothesisCount > 0 ? matches / hypothesisCount : EPS;
    const recall = referenceCount > 0 ? matches / referenceCount : EPS;
    const denominator = factor * precision + recall;
    score += denominator > 0 ? ((1 + factor) * precision * recall) / denominator : EPS;
    if (hypothesisCount > 0 && referenceCount > 0) {
      averagePrecision += precision;
      averageRecall += recall;
      effectiveOrder += 1;
    }
  }
  if (resolved.epsSmoothing) return (100 * score) / orders;
  if (effectiveOrder === 0) return 0;
  averagePrecision /= effectiveOrder;
  averageRecall /= effectiveOrder;
  if (averagePrecision + averageRecall === 0) return 0;
  return (100 * (1 + factor) * averagePrecision * averageRecall) / (factor * averagePrecision + averageRecall);
}

/**
 * Statistics of one segment against its references: those of the reference with the highest
 * sentence chrF (the first one on ties), as sacreBLEU keeps them.
 */
export function chrfSegmentStatistics(hypothesis: string, references: readonly string[], options: ChrfOptions = {}): number[] {
  const resolved = resolve(options);
  const hypothesisNgrams = extractNgrams(hypothesis, resolved);
  let best: number[] = [];
  let bestScore = -1;
  for (const reference of references) {
    const statistics = matchStatistics(hypothesisNgrams, extractNgrams(reference, resolved));
    const score = chrfFromStatistics(statistics, resolved);
    if (score > bestScore) {
      bestScore = score;
      best = statistics;
    }
  }
  return best;
}

/** Sentence-level chrF (0..100) of one hypothesis against one or more references. */
export function chrfSentence(hypothesis: string, references: readonly string[], options: ChrfOptions = {}): number {
  if (references.length === 0) throw new RangeError('chrfSentence: at least one reference is needed');
  return chrfFromStatistics(chrfSegmentStatistics(hypothesis, references, options), options);
}

/**
 * Corpus-level chrF (0..100): segment statistics summed over the corpus. `referenceStreams[k][i]`
 * is the k-th reference of segment i (sacreBLEU's layout); a missing or null entry means that
 * segment has fewer references.
 */
export function chrfCorpus(hypotheses: readonly string[], referenceStreams: ReferenceStreams, options: ChrfOptions = {}): number {
  const resolved = resolve(options);
  const totals = sumCorpusStatistics(hypotheses, referenceStreams, 'chrfCorpus', (hypothesis, references) => chrfSegmentStatistics(hypothesis, references, resolved));
  return chrfFromStatistics(totals, resolved);
}
