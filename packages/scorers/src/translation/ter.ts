import { pythonRstrip, pythonSplit } from '../text/python-strings.js';
import { WordIds } from './ngram-trie.js';
import { sumCorpusStatistics, type ReferenceStreams } from './reference-streams.js';
import { BeamEditDistance, OPERATION } from './ter-edit-distance.js';
import { tercomTokenize, type TercomOptions } from './tercom-tokenizer.js';

/**
 * TER (translation edit rate) exactly as sacreBLEU 2.x computes it (`sacrebleu/metrics/ter.py`
 * and `lib_ter.py`, a near-exact port of Tercom); see ../shared/SCORING.md §1.5. Edits are word
 * insertions, deletions, substitutions and shifts of word blocks, all costing 1; shifts are taken
 * greedily while they lower the edit distance, with Tercom's limits. Segment statistics are
 * `[edits against the closest reference, mean reference length]`; lower is better.
 */
export type TerOptions = TercomOptions;

/** A TER score with the statistics behind it (sacreBLEU's `TERScore`). */
export interface TerScore {
  /** 100 · edits / reference words (may exceed 100). */
  score: number;
  numEdits: number;
  refLength: number;
}

const MAX_SHIFT_SIZE = 10;
const MAX_SHIFT_DISTANCE = 50;
const MAX_SHIFT_CANDIDATES = 1000;

/** `words[start, start + length)` moved to before position `target` (upstream's `_perform_shift`). */
function performShift(words: readonly number[], start: number, length: number, target: number): number[] {
  if (target < start) return [...words.slice(0, target), ...words.slice(start, start + length), ...words.slice(target, start), ...words.slice(start + length)];
  if (target > start + length) return [...words.slice(0, start), ...words.slice(start + length, target), ...words.slice(start, start + length), ...words.slice(target)];
  return [...words.slice(0, start), ...words.slice(start + length, length + target), ...words.slice(start, start + length), ...words.slice(length + target)];
}

/** Hypothesis and reference spans that are equal (up to 10 words, start positions at most 50 apart), in upstream's order. */
function* shiftedPairs(hypothesis: readonly number[], reference: readonly number[]): Generator<[number, number, number]> {
  for (let startH = 0; startH < hypothesis.length; startH += 1) {
    for (let startR = 0; startR < reference.length; startR += 1) {
      if (Math.abs(startR - startH) > MAX_SHIFT_DISTANCE) continue;
      let length = 0;
      while (hypothesis[startH + length] === reference[startR + length] && length < MAX_SHIFT_SIZE) {
        length += 1;
        yield [startH, startR, length];
        if (hypothesis.length === startH + length || reference.length === startR + length) break;
      }
    }
  }
}

/**
 * The alignment of the trace rewriting the reference into the hypothesis (upstream flips the
 * hypothesis-to-reference trace: insertions become deletions and back).
 */
function alignmentOf(trace: readonly number[]): { align: Map<number, number>; referenceErrors: number[]; hypothesisErrors: number[] } {
  let positionH = -1;
  let positionR = -1;
  const align = new Map<number, number>();
  const referenceErrors: number[] = [];
  const hypothesisErrors: number[] = [];
  for (const operation of trace) {
    if (operation === OPERATION.none || operation === OPERATION.substitute) {
      positionH += 1;
      positionR += 1;
      align.set(positionR, positionH);
      const error = operation === OPERATION.substitute ? 1 : 0;
      hypothesisErrors.push(error);
      referenceErrors.push(error);
    } else if (operation === OPERATION.delete) {
      // A deletion from the hypothesis is, flipped, an insertion into it.
      positionH += 1;
      hypothesisErrors.push(1);
    } else {
      positionR += 1;
      align.set(positionR, positionH);
      referenceErrors.push(1);
    }
  }
  return { align, referenceErrors, hypothesisErrors };
}

function sum(values: readonly number[], start: number, end: number): number {
  let total = 0;
  for (let index = start; index < end && index < values.length; index += 1) total += values[index] as number;
  return total;
}

/** The best single shift (upstream's `_shift`): its gain, the shifted words and the candidates checked so far. */
function bestShift(
  words: readonly number[],
  reference: readonly number[],
  editDistance: BeamEditDistance,
  checked: number,
): { gain: number; words: readonly number[]; checked: number } {
  const { distance: before, trace } = editDistance.distance(words);
  const { align, referenceErrors, hypothesisErrors } = alignmentOf(trace);
  // Tercom's ranking: the largest gain, then the longest span, then the earliest start, then the earliest target.
  let best: { gain: number; length: number; startH: number; target: number; words: number[] } | undefined;
  for (const [startH, startR, length] of shiftedPairs(words, reference)) {
    if (sum(hypothesisErrors, startH, startH + length) === 0) continue;
    if (sum(referenceErrors, startR, startR + length) === 0) continue;
    const aligned = align.get(startR) as number;
    if (startH <= aligned && aligned < startH + length) continue;
    let previousTarget = -1;
    for (let offset = -1; offset < length; offset += 1) {
      let target: number;
      if (startR + offset === -1) target = 0;
      else if (align.has(startR + offset)) target = (align.get(startR + offset) as number) + 1;
      else break;
      if (target === previousTarget) continue;
      previousTarget = target;
      const shifted = performShift(words, startH, length, target);
      const gain = before - editDistance.distance(shifted).distance;
      checked += 1;
      if (
        best === undefined ||
        gain > best.gain ||
        (gain === best.gain && (length > best.length || (length === best.length && (startH < best.startH || (startH === best.startH && target < best.target)))))
      ) {
        best = { gain, length, startH, target, words: shifted };
      }
    }
    if (checked >= MAX_SHIFT_CANDIDATES) break;
  }
  return best === undefined ? { gain: 0, words, checked } : { gain: best.gain, words: best.words, checked };
}

/** Edits (shifts plus edit distance) turning the hypothesis words into the reference words, and the reference length. */
export function translationEditRate(hypothesis: readonly string[], reference: readonly string[]): { edits: number; referenceLength: number } {
  if (reference.length === 0) return { edits: hypothesis.length, referenceLength: 0 };
  const ids = new WordIds();
  const idOf = (word: string) => ids.add(word);
  const referenceIds = reference.map(idOf);
  let words: readonly number[] = hypothesis.map(idOf);
  const editDistance = new BeamEditDistance(referenceIds);
  let shifts = 0;
  let checked = 0;
  for (;;) {
    const shift = bestShift(words, referenceIds, editDistance, checked);
    checked = shift.checked;
    if (checked >= MAX_SHIFT_CANDIDATES || shift.gain <= 0) break;
    shifts += 1;
    words = shift.words;
  }
  return { edits: shifts + editDistance.distance(words).distance, referenceLength: reference.length };
}

/** TER's preprocessing: the Tercom tokenizer on the `rstrip()`ped line, then `split()`. */
export function terWords(sentence: string, options: TerOptions = {}): string[] {
  return pythonSplit(tercomTokenize(pythonRstrip(sentence), options));
}

/**
 * A reference's words as sacreBLEU's TER gets them: it normalises references twice
 * (`Metric._cache_references` preprocesses the lines, then `TER._extract_reference_info`
 * preprocesses them again) and hypotheses once. With the default options that changes nothing;
 * with `normalized` it can (`St. Paul's,` becomes `st . paul 's ,` only in a second pass), so the
 * quirk is kept to give sacreBLEU's numbers.
 */
function terReferenceWords(reference: string, options: TerOptions): string[] {
  return terWords(tercomTokenize(pythonRstrip(reference), options), options);
}

/** `[fewest edits over the references, mean reference length]` of one segment. */
export function terSegmentStatistics(hypothesis: string, references: readonly string[], options: TerOptions = {}): number[] {
  if (references.length === 0) throw new RangeError('terSegmentStatistics: at least one reference is needed');
  const hypothesisWords = terWords(hypothesis, options);
  let best = Number.POSITIVE_INFINITY;
  let referenceLengths = 0;
  for (const reference of references) {
    const { edits, referenceLength } = translationEditRate(hypothesisWords, terReferenceWords(reference, options));
    referenceLengths += referenceLength;
    if (edits < best) best = edits;
  }
  return [best, referenceLengths / references.length];
}

/** TER of summed statistics: 100 when the references are empty but there are edits, 0 when both are empty. */
export function terFromStatistics(totals: readonly number[]): TerScore {
  const numEdits = totals[0] ?? 0;
  const refLength = totals[1] ?? 0;
  const rate = refLength > 0 ? numEdits / refLength : numEdits > 0 ? 1 : 0;
  return { score: 100 * rate, numEdits, refLength };
}

export function sentenceTer(hypothesis: string, references: readonly string[], options: TerOptions = {}): TerScore {
  return terFromStatistics(terSegmentStatistics(hypothesis, references, options));
}

/** Corpus TER; `referenceStreams[k][i]` is the k-th reference of segment i. */
export function corpusTer(hypotheses: readonly string[], referenceStreams: ReferenceStreams, options: TerOptions = {}): TerScore {
  return terFromStatistics(sumCorpusStatistics(hypotheses, referenceStreams, 'corpusTer', (hypothesis, references) => terSegmentStatistics(hypothesis, references, options)));
}
