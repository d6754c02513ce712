import type { LatencyUnit } from '@ladder/scorers';
import type { SourceScript, SpeakingRate } from './source-timeline.js';

export interface Language {
  code: 'en' | 'de' | 'zh';
  /** The name in prompts, as a source and as a target. */
  name: string;
  targetName: string;
  /** How its source is cut into spoken units. */
  script: SourceScript;
  /** Its latency unit as a target (SimulEval's `word` or `char`). */
  unit: LatencyUnit;
  /** sacreBLEU's tokenizer for it as a target. */
  bleuTokenizer: '13a' | 'zh';
  /** The speaking rate used when a source in it has no timestamps. */
  rate?: SpeakingRate;
}

/**
 * The languages of the simultaneous suites. Speaking rates: 150 words per minute for English
 * (a common figure for presentations; the SimulEval TED example runs at 115) and 4 characters a
 * second for Chinese; at these rates a FLORES devtest sentence lasts about as long in either
 * language (8.7 s in English, 8.9 s in Chinese on average).
 */
export const LANGUAGES = {
  en: { code: 'en', name: 'English', targetName: 'English', script: 'spaced', unit: 'word', bleuTokenizer: '13a', rate: { msPerUnit: 400, label: '150 words per minute' } },
  de: { code: 'de', name: 'German', targetName: 'German', script: 'spaced', unit: 'word', bleuTokenizer: '13a' },
  zh: { code: 'zh', name: 'Chinese', targetName: 'Simplified Chinese', script: 'chinese', unit: 'char', bleuTokenizer: 'zh', rate: { msPerUnit: 250, label: '4 characters per second' } },
} as const satisfies Record<string, Language>;
