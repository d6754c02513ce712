import { codePoints, pythonSplit } from '../text/python-strings.js';
import { countSequence, NgramTrie, takeMatches, WordIds } from './ngram-trie.js';
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

/** A sentence as chrF sees it: its characters (whitespace removed unless kept) and its words. */
interface Units {
  /** Code points (Python indexes strings by code point). */
  characters: Int32Array;
  /** Words with one leading or trailing punctuation mark split off (chrF++ only). */
  words: string[];
}

function codePointArray(text: string): Int32Array {
  const points = new Int32Array(text.length);
  let length = 0;
  for (let offset = 0; offset < text.length; offset += 1) {
    const point = text.codePointAt(offset) as number;
    points[length] = point;
    length += 1;
    if (point > 0xffff) offset += 1;
  }
  return points.subarray(0, length);
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

function unitsOf(sentence: string, options: ResolvedOptions): Units {
  const text = options.lowercase ? sentence.toLowerCase() : sentence;
  const characters = options.whitespace ? text : pythonSplit(text).join('');
  return { characters: codePointArray(characters), words: options.wordOrder > 0 ? splitPunctuation(text) : [] };
}

const TRIE = new NgramTrie();

/** Per order 1..maxOrder: [hypothesis n-grams (0 when the reference has none of that order), reference n-grams, matches]. */
function appendOrderStatistics(statistics: number[], hypothesis: ArrayLike<number>, reference: ArrayLike<number>, maxOrder: number): void {
  TRIE.clear();
  countSequence(TRIE, reference, maxOrder);
  const matches = takeMatches(TRIE, hypothesis, maxOrder, TRIE.counts);
  for (let order = 1; order <= maxOrder; order += 1) {
    const referenceTotal = Math.max(0, reference.length - order + 1);
    statistics.push(referenceTotal > 0 ? Math.max(0, hypothesis.length - order + 1) : 0, referenceTotal, matches[order - 1] as number);
  }
}

function matchStatistics(hypothesis: Units, reference: Units, options: ResolvedOptions): number[] {
  const statistics: number[] = [];
  appendOrderStatistics(statistics, hypothesis.characters, reference.characters, options.charOrder);
  if (options.wordOrder > 0) {
    const ids = new WordIds();
    const referenceWords = reference.words.map((word) => ids.add(word));
    // A word the reference lacks gets -1, which no trie edge has.
    appendOrderStatistics(statistics, hypothesis.words.map((word) => ids.find(word)), referenceWords, options.wordOrder);
  }
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
  // The operations in upstream's order, so the float result is the same to the last bit.
  return 100 * (((1 + factor) * averagePrecision * averageRecall) / (factor * averagePrecision + averageRecall));
}

/**
 * Statistics of one segment against its references: those of the reference with the highest
 * sentence chrF (the first one on ties), as sacreBLEU keeps them.
 */
export function chrfSegmentStatistics(hypothesis: string, references: readonly string[], options: ChrfOptions = {}): number[] {
  const resolved = resolve(options);
  const hypothesisUnits = unitsOf(hypothesis, resolved);
  let best: number[] = [];
  let bestScore = -1;
  for (const reference of references) {
    const statistics = matchStatistics(hypothesisUnits, unitsOf(reference, resolved), resolved);
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
