import { describe, expect, it } from 'vitest';
import { referenceCount } from './reference-streams.js';
import { bleuSignature, chrfSignature, terSignature } from './sacrebleu-signature.js';

// Expected strings: sacreBLEU 2.6.0's `metric.get_signature().format()` for the same settings
// (run in a throwaway venv), with its version replaced by Ladder's `2.6.0-ladder`.
const upstream = (signature: string) => signature.replace('version:2.6.0', 'version:2.6.0-ladder');

describe('sacreBLEU-style signatures', () => {
  it('BLEU', () => {
    expect(bleuSignature({ nrefs: 2 })).toBe(upstream('nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0'));
    expect(bleuSignature({ nrefs: 2 }, { tokenize: 'zh', lowercase: true, smoothMethod: 'floor' })).toBe(
      upstream('nrefs:2|case:lc|eff:no|tok:zh|smooth:floor[0.10]|version:2.6.0'),
    );
    expect(bleuSignature({ nrefs: 2 }, { smoothMethod: 'add-k', smoothValue: 2, effectiveOrder: true, tokenize: 'char' })).toBe(
      upstream('nrefs:2|case:mixed|eff:yes|tok:char|smooth:add-k[2.00]|version:2.6.0'),
    );
    expect(bleuSignature({ nrefs: 'var' })).toBe(upstream('nrefs:var|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0'));
    expect(bleuSignature({ nrefs: 1, bootstrap: 1000, seed: 12345 })).toBe('nrefs:1|bs:1000|seed:12345|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0-ladder');
  });

  it('chrF and chrF++', () => {
    expect(chrfSignature({ nrefs: 2 })).toBe(upstream('nrefs:2|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0'));
    expect(chrfSignature({ nrefs: 2 }, { wordOrder: 2 })).toBe(upstream('nrefs:2|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0'));
    expect(chrfSignature({ nrefs: 2 }, { epsSmoothing: true, whitespace: true, lowercase: true })).toBe(
      upstream('nrefs:2|case:lc|eff:no|nc:6|nw:0|space:yes|version:2.6.0'),
    );
  });

  it('TER', () => {
    expect(terSignature({ nrefs: 2 })).toBe(upstream('nrefs:2|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0'));
    expect(terSignature({ nrefs: 2 }, { normalized: true, noPunct: true, asianSupport: true, caseSensitive: true })).toBe(
      upstream('nrefs:2|case:mixed|tok:tercom|norm:yes|punct:no|asian:yes|version:2.6.0'),
    );
  });

  it('counts references per segment, `var` when they differ', () => {
    expect(referenceCount([['a', 'b'], ['c', 'd']], 2)).toBe(2);
    expect(referenceCount([['a', 'b'], ['c', null]], 2)).toBe('var');
  });
});
