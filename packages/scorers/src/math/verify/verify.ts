import { pyStrip } from '../python.js';
import { Deadline } from '../symbolic.js';
import { expressionsEqual } from './grader.js';
import type { Extracted } from './parse.js';

export interface VerifyOptions {
  /** Decimal places floats are rounded to before comparing (default 6). */
  floatRounding?: number;
  /** Variables matter (default true); when false f(x) = f(y). */
  strict?: boolean;
  /** Compare a set gold with a relation prediction too (default false). */
  allowSetRelationComparison?: boolean;
  /** Time budget in ms for each gold/prediction pair (default 5000, Math-Verify's `timeout_seconds`). */
  timeoutMs?: number;
}

/**
 * Math-Verify `verify(gold, target)`: true when some parsed gold value equals some parsed
 * prediction value (values compared as mathematics, strings as trimmed text). Not symmetric: the gold
 * decides how equations and sets are read. Each pair has its own time budget; running out of it, or
 * an error, makes that pair unequal.
 */
export function verifyAnswer(gold: Extracted[] | Extracted, target: Extracted[] | Extracted, options: VerifyOptions = {}): boolean {
  const golds = Array.isArray(gold) ? gold : [gold];
  const targets = Array.isArray(target) ? target : [target];
  return golds.some((g) => targets.some((t) => compareOne(g, t, options)));
}

function compareOne(gold: Extracted, target: Extracted, options: VerifyOptions): boolean {
  if (typeof gold === 'string' || typeof target === 'string') {
    if (typeof gold !== 'string' || typeof target !== 'string') return false;
    const [a, b] = [pyStrip(gold), pyStrip(target)];
    return a.length > 0 && b.length > 0 && a === b;
  }
  try {
    return expressionsEqual(gold, target, {
      floatRounding: options.floatRounding ?? 6,
      strict: options.strict ?? true,
      allowSetRelationComparison: options.allowSetRelationComparison ?? false,
      deadline: new Deadline(options.timeoutMs ?? 5000),
    });
  } catch {
    return false;
  }
}
