import { UsageError } from '@ladder/core';
import {
  BLEU_SMOOTH_DEFAULTS,
  BLEU_TOKENIZERS,
  compareTranslations,
  isBleuTokenizerName,
  isTranslationMetric,
  scoreTranslations,
  TRANSLATION_METRICS,
  type BleuOptions,
  type BleuSmoothMethod,
  type ScoreTranslationsOptions,
  type TranslationMetric,
} from '@ladder/scorers/translation';
import { integerOption, listOption, numberOption, parseArguments } from '../arguments.js';
import { readSegments } from '../read-segments.js';

export const MT_SCORE_HELP = `Usage: ladder mt-score --hyp FILE --ref FILE [--ref FILE ...] [options]

Corpus BLEU, chrF, chrF++ and TER of a system output, exactly as sacreBLEU 2.6 computes them,
printed as JSON: one object per metric with its score, the statistics behind it and a
sacreBLEU-style signature. Files are plain UTF-8 text, one segment per line, aligned line by line.

  --hyp <file>            the system output (twice with --paired-bs: baseline first)
  --ref <file>            a reference translation file; repeat for several references
  --metrics <list>        any of ${TRANSLATION_METRICS.join(', ')} (default bleu,chrf,chrf++)
  --tokenize <name>       BLEU tokenizer: ${BLEU_TOKENIZERS.join(', ')} (default 13a; zh for Chinese output)
  --lowercase             case-insensitive BLEU
  --smooth-method <m>     BLEU smoothing: exp (default), floor, add-k, none
  --smooth-value <v>      for floor (default 0.1) and add-k (default 1)
  --ter-normalized        TER: Tercom normalisation (punctuation, possessives, XML entities)
  --ter-no-punct          TER: remove punctuation
  --ter-asian-support     TER: split CJK characters (with --ter-normalized), drop CJK punctuation (with --ter-no-punct)
  --ter-case-sensitive    TER: keep case (TER lowercases by default)
  --paired-bs             paired bootstrap resampling of the two --hyp files, as sacreBLEU --paired-bs
  --paired-bs-n <n>       resamples (default 1000)
  --seed <n>              seed of the resampling (default 12345)

Example: ladder mt-score --hyp out.en --ref ref.en --metrics bleu,chrf`;

const DEFAULT_METRICS: TranslationMetric[] = ['bleu', 'chrf', 'chrf++'];

export async function mtScoreCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArguments('mt-score', argv, {
    hyp: { type: 'string', multiple: true },
    ref: { type: 'string', multiple: true },
    metrics: { type: 'string', multiple: true },
    tokenize: { type: 'string' },
    lowercase: { type: 'boolean' },
    'smooth-method': { type: 'string' },
    'smooth-value': { type: 'string' },
    'ter-normalized': { type: 'boolean' },
    'ter-no-punct': { type: 'boolean' },
    'ter-asian-support': { type: 'boolean' },
    'ter-case-sensitive': { type: 'boolean' },
    'paired-bs': { type: 'boolean' },
    'paired-bs-n': { type: 'string' },
    seed: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    console.log(MT_SCORE_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`ladder mt-score: unexpected argument "${positionals[0]}"; give files with --hyp and --ref (see ladder mt-score --help)`);
  const hypothesisFiles = values.hyp ?? [];
  const referenceFiles = values.ref ?? [];
  const paired = values['paired-bs'] === true;
  if (hypothesisFiles.length === 0) throw new UsageError('ladder mt-score: no system output; add --hyp <file>');
  if (referenceFiles.length === 0) throw new UsageError('ladder mt-score: no reference; add --ref <file> (repeat it for several references)');
  if (paired && hypothesisFiles.length !== 2) throw new UsageError(`--paired-bs: give exactly two --hyp files (the baseline first), not ${hypothesisFiles.length}`);
  if (!paired && hypothesisFiles.length > 1) throw new UsageError(`--hyp: ${hypothesisFiles.length} files given; score one at a time, or compare two with --paired-bs`);
  if (!paired && (values['paired-bs-n'] !== undefined || values.seed !== undefined)) throw new UsageError('--paired-bs-n and --seed: only with --paired-bs');
  const options = scoringOptions(values);
  const resamples = integerOption('paired-bs-n', values['paired-bs-n'], { min: 1, max: 100_000 });
  const seed = integerOption('seed', values.seed, { min: 0 });

  // Every file is read and checked before anything is computed.
  const hypotheses = hypothesisFiles.map((file) => readSegments('hyp', file));
  const references = referenceFiles.map((file) => readSegments('ref', file));
  const first = hypotheses[0] as string[];
  const firstFile = hypothesisFiles[0] as string;
  if (first.length === 0) throw new UsageError(`--hyp ${firstFile}: the file is empty`);
  const alignedWith = (flag: string, file: string, lines: string[]) => {
    if (lines.length !== first.length) {
      throw new UsageError(`--${flag} ${file} has ${lines.length} lines but --hyp ${firstFile} has ${first.length}; the files must be aligned line by line`);
    }
  };
  hypotheses.forEach((lines, index) => alignedWith('hyp', hypothesisFiles[index] as string, lines));
  references.forEach((lines, index) => alignedWith('ref', referenceFiles[index] as string, lines));

  const result = paired
    ? {
        baseline: firstFile,
        system: hypothesisFiles[1] as string,
        ...compareTranslations(first, hypotheses[1] as string[], references, {
          ...options,
          ...(resamples === undefined ? {} : { resamples }),
          ...(seed === undefined ? {} : { seed }),
        }),
      }
    : scoreTranslations(first, references, options);
  console.log(formatJson(result));
  return 0;
}

/** Indented JSON with arrays of numbers kept on one line. */
function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\[\s+(-?[\d.e+-]+(?:,\s+-?[\d.e+-]+)*)\s+\]/g, (_match, items: string) => `[${items.split(/,\s+/).join(', ')}]`);
}

function scoringOptions(values: {
  metrics?: string[] | undefined;
  tokenize?: string | undefined;
  lowercase?: boolean | undefined;
  'smooth-method'?: string | undefined;
  'smooth-value'?: string | undefined;
  'ter-normalized'?: boolean | undefined;
  'ter-no-punct'?: boolean | undefined;
  'ter-asian-support'?: boolean | undefined;
  'ter-case-sensitive'?: boolean | undefined;
}): ScoreTranslationsOptions {
  const names = listOption(values.metrics).map((name) => name.toLowerCase());
  for (const name of names) {
    if (!isTranslationMetric(name)) throw new UsageError(`--metrics: unknown metric "${name}"; known: ${TRANSLATION_METRICS.join(', ')}`);
  }
  const metrics = names.length === 0 ? DEFAULT_METRICS : ([...new Set(names)] as TranslationMetric[]);
  const bleu: BleuOptions = {};
  if (values.tokenize !== undefined) {
    if (!isBleuTokenizerName(values.tokenize)) throw new UsageError(`--tokenize ${values.tokenize}: unknown tokenizer; known: ${BLEU_TOKENIZERS.join(', ')}`);
    bleu.tokenize = values.tokenize;
  }
  if (values.lowercase === true) bleu.lowercase = true;
  const method = values['smooth-method'];
  if (method !== undefined) {
    if (!(method in BLEU_SMOOTH_DEFAULTS)) throw new UsageError(`--smooth-method ${method}: unknown; known: ${Object.keys(BLEU_SMOOTH_DEFAULTS).join(', ')}`);
    bleu.smoothMethod = method as BleuSmoothMethod;
  }
  const smoothValue = numberOption('smooth-value', values['smooth-value'], { min: 0 });
  if (smoothValue !== undefined) {
    if (bleu.smoothMethod !== 'floor' && bleu.smoothMethod !== 'add-k') throw new UsageError('--smooth-value: only with --smooth-method floor or add-k');
    bleu.smoothValue = smoothValue;
  }
  const tokenizerFlags = ['tokenize', 'lowercase', 'smooth-method', 'smooth-value'] as const;
  const bleuFlag = tokenizerFlags.find((flag) => values[flag] !== undefined);
  if (bleuFlag !== undefined && !metrics.includes('bleu')) throw new UsageError(`--${bleuFlag}: a BLEU option, but --metrics has no bleu`);
  const ter = {
    normalized: values['ter-normalized'] === true,
    noPunct: values['ter-no-punct'] === true,
    asianSupport: values['ter-asian-support'] === true,
    caseSensitive: values['ter-case-sensitive'] === true,
  };
  const terFlag = (['ter-normalized', 'ter-no-punct', 'ter-asian-support', 'ter-case-sensitive'] as const).find((flag) => values[flag] === true);
  if (terFlag !== undefined && !metrics.includes('ter')) throw new UsageError(`--${terFlag}: a TER option, but --metrics has no ter`);
  return { metrics, bleu, ter };
}
