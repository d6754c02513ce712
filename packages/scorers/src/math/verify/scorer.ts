import type { Scorer } from '@ladder/core';
import { describeExtracted } from './describe.js';
import { extractAnswers, parseAnswer, type Extracted } from './parse.js';
import { verifyAnswer, type VerifyOptions } from './verify.js';

export interface MathVerifyOptions extends VerifyOptions {
  /**
   * Priority of `\boxed{}` in the prediction: 50 (default, Math-Verify's `parse`) tries "final answer
   * is …" first, 0 tries the box first, -1 ignores boxes.
   */
  boxedMatchPriority?: number;
}

const GOLD_CACHE_SIZE = 2048;

/** Math delimiters already present in a target (an unescaped `$`, `\(`, `\[` or `\boxed`). */
const HAS_MATH_DELIMITERS = /(?<!\\)\$|\\\(|\\\[|\\boxed/u;

/**
 * A target as Math-Verify gold: parsed as written when it carries math delimiters, otherwise as the
 * inline formula `$target$` (a bare `\sqrt{2}` would otherwise be read as the number 2).
 */
export function parseGold(target: string, timeoutMs?: number): Extracted[] {
  const options = timeoutMs === undefined ? {} : { timeoutMs };
  const text = HAS_MATH_DELIMITERS.test(target) || target.includes('\n') ? target : `$${target}$`;
  const values = parseAnswer(text, options);
  return values.length > 0 || text === target ? values : parseAnswer(target, options);
}

/**
 * Competition math graded as Hugging Face Math-Verify grades it (huggingface/Math-Verify@5d148cf,
 * `verify(parse(gold), parse(prediction))`): the answer is extracted by priority ("final answer is",
 * `\boxed{}`, "answer:", then the last LaTeX formula or number), read as a value (numbers, sets,
 * intervals, tuples, relations, matrices) and compared with each target: floats rounded to
 * `floatRounding` decimals, relations and equations up to rearrangement, sets regardless of order.
 * An output that is exactly a target counts as right without extraction. Nothing extracted is
 * `unanswered`; a target Math-Verify cannot read is a scorer error.
 */
export function mathVerify(options: MathVerifyOptions = {}): Scorer {
  const extractionConfig = [{ kind: 'latex' as const, boxedMatchPriority: options.boxedMatchPriority ?? 50 }, { kind: 'expr' as const }];
  const timeout = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };
  // the same target is scored against many responses (repeats, several models): parse it once
  const goldCache = new Map<string, Extracted[]>();
  const readGold = (target: string): Extracted[] => {
    let gold = goldCache.get(target);
    if (gold === undefined) {
      gold = parseGold(target, options.timeoutMs);
      if (goldCache.size >= GOLD_CACHE_SIZE) goldCache.delete(goldCache.keys().next().value as string);
      goldCache.set(target, gold);
    }
    return gold;
  };
  return {
    name: 'math-verify',
    metric: { name: 'accuracy', kind: 'proportion', scale: 1 },
    score({ sample, output }) {
      const golds = sample.targets.map((target) => {
        const gold = readGold(target);
        if (gold.length === 0) throw new Error(`math-verify: sample ${sample.id}: target ${JSON.stringify(target)} cannot be read as an answer; fix the dataset's target field`);
        return gold;
      });
      // an output that is exactly a target (the oracle baseline answers with the bare reference) is right
      // without extraction, which would read a bare `\sqrt{2}` as the number 2
      const exact = sample.targets.find((target) => target.trim() !== '' && target.trim() === output.trim());
      if (exact !== undefined) return { value: 1, answer: exact };
      const prediction = extractAnswers(output, { extractionConfig, ...timeout });
      if (prediction.values.length === 0) {
        return { value: 0, unanswered: true, explanation: prediction.failed ? 'answer extraction ran out of time' : 'no answer found (no LaTeX formula, \\boxed{} or number)' };
      }
      const answer = describeExtracted(prediction.values);
      const hit = golds.some((gold) => verifyAnswer(gold, prediction.values, options));
      return hit ? { value: 1, answer } : { value: 0, answer, explanation: `expected ${sample.targets.map((target) => JSON.stringify(target)).join(' or ')}, got ${JSON.stringify(answer)}` };
    },
  };
}
