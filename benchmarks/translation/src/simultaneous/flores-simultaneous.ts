import type { Suite } from '@ladder/core';
import { standardTranslationSuites } from '../standard-suites.js';
import { LANGUAGES, type SpokenLanguage } from './languages.js';
import { simultaneousSuite } from './simultaneous-suite.js';

/**
 * A simultaneous suite over the sentences of a standard translation suite (FLORES-200 devtest):
 * its data, `--data` folder and download are that suite's (`flores-zh-en`, `flores-en-zh`).
 */
function floresSuite(options: { from: SpokenLanguage; to: SpokenLanguage; ratio: number }): Suite {
  const { from, to } = options;
  const base = standardTranslationSuites.find((suite) => suite.id === `flores-${from.code}-${to.code}`);
  if (base === undefined) throw new Error(`no flores-${from.code}-${to.code} suite to read the sentences of`);
  return simultaneousSuite({
    id: `simul-${from.code}-${to.code}`,
    version: '1',
    description: `FLORES-200 devtest (1,012 sentences, the data of ${base.id}), ${from.name} to ${to.targetName}, read at ${from.rate?.label}; corpus BLEU (${to.tokenize}) and chrF, SimulEval latency`,
    from,
    to,
    ratio: options.ratio,
    timing: 'rate',
    load: (context) => base.load(context),
  });
}

/**
 * The wait-k ratios are the length ratios of FLORES devtest in latency units: 0.61 English
 * words per Chinese spoken unit, 1.93 Chinese characters (SimulEval's `char`) per English word.
 */
export const simulZhEn = floresSuite({ from: LANGUAGES.zh, to: LANGUAGES.en, ratio: 0.6 });
export const simulEnZh = floresSuite({ from: LANGUAGES.en, to: LANGUAGES.zh, ratio: 1.9 });
