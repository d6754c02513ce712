import type { LatencyUnit } from '@ladder/scorers';
import { language, type Language } from '../languages.js';
import type { SourceScript, SpeakingRate } from './source-timeline.js';

/** A language as a simultaneous suite speaks and writes it: the translation suites' language, plus how it is spoken and counted. */
export interface SpokenLanguage extends Language {
  /** How its source is cut into spoken units. */
  script: SourceScript;
  /** Its latency unit as a target (SimulEval's `word` or `char`). */
  unit: LatencyUnit;
  /** The speaking rate used when a source in it has no timestamps. */
  rate?: SpeakingRate;
}

function spoken(code: string, extra: Omit<SpokenLanguage, keyof Language>): SpokenLanguage {
  const base = language(code);
  if (base === undefined) throw new Error(`no language ${code}`);
  return { ...base, ...extra };
}

/**
 * The languages of the simultaneous suites. Speaking rates: 150 words per minute for English
 * (a common figure for presentations; the SimulEval TED example runs at 115) and 4 characters a
 * second for Chinese; at these rates a FLORES devtest sentence lasts about as long in either
 * language (8.7 s in English, 8.9 s in Chinese on average).
 */
export const LANGUAGES = {
  en: spoken('en', { script: 'spaced', unit: 'word', rate: { msPerUnit: 400, label: '150 words per minute' } }),
  de: spoken('de', { script: 'spaced', unit: 'word' }),
  zh: spoken('zh', { script: 'chinese', unit: 'char', rate: { msPerUnit: 250, label: '4 characters per second' } }),
};
