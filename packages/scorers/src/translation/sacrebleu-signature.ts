import { BLEU_SMOOTH_DEFAULTS, type BleuOptions } from './bleu.js';
import type { ChrfOptions } from './chrf.js';
import type { TercomOptions } from './tercom-tokenizer.js';

/**
 * sacreBLEU-style reproducibility signatures (`sacrebleu/metrics/base.py: Signature`):
 * `key:value` pairs joined by `|`, version last. Ladder writes `version:2.6.0-ladder`: the
 * metric definitions of sacreBLEU 2.6.0, computed by Ladder's port (checked against sacreBLEU's
 * vectors), so a reader knows which program produced the number.
 */
export const SIGNATURE_VERSION = '2.6.0-ladder';

/** Where a signature may also record a paired test or a bootstrap (sacreBLEU's `bs` and `seed`). */
export interface SignatureContext {
  /** References per segment; `var` when it differs between segments. */
  nrefs: number | 'var';
  /** Bootstrap resamples, when a bootstrap was run. */
  bootstrap?: number;
  seed?: string | number;
}

function format(context: SignatureContext, metric: [string, string | number][]): string {
  const pairs: [string, string | number][] = [['nrefs', context.nrefs]];
  if (context.bootstrap !== undefined) pairs.push(['bs', context.bootstrap]);
  if (context.seed !== undefined) pairs.push(['seed', String(context.seed).toLowerCase()]);
  pairs.push(...metric, ['version', SIGNATURE_VERSION]);
  return pairs.map(([key, value]) => `${key}:${value}`).join('|');
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** e.g. `nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0-ladder`. */
export function bleuSignature(context: SignatureContext, options: BleuOptions = {}): string {
  const method = options.smoothMethod ?? 'exp';
  const fallback = BLEU_SMOOTH_DEFAULTS[method];
  // Python's f'{value:.2f}'; the values are user settings such as 0.1 or 1, not exact ties.
  const smooth = fallback === undefined ? method : `${method}[${(options.smoothValue ?? fallback).toFixed(2)}]`;
  return format(context, [
    ['case', options.lowercase === true ? 'lc' : 'mixed'],
    ['eff', yesNo(options.effectiveOrder === true)],
    ['tok', options.tokenize ?? '13a'],
    ['smooth', smooth],
  ]);
}

/** e.g. `nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0-ladder` (chrF++). */
export function chrfSignature(context: SignatureContext, options: ChrfOptions = {}): string {
  return format(context, [
    ['case', options.lowercase === true ? 'lc' : 'mixed'],
    ['eff', yesNo(options.epsSmoothing !== true)],
    ['nc', options.charOrder ?? 6],
    ['nw', options.wordOrder ?? 0],
    ['space', yesNo(options.whitespace === true)],
  ]);
}

/** e.g. `nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0-ladder`. */
export function terSignature(context: SignatureContext, options: TercomOptions = {}): string {
  return format(context, [
    ['case', options.caseSensitive === true ? 'mixed' : 'lc'],
    ['tok', 'tercom'],
    ['norm', yesNo(options.normalized === true)],
    ['punct', yesNo(options.noPunct !== true)],
    ['asian', yesNo(options.asianSupport === true)],
  ]);
}
