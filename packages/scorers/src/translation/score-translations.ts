import { pairedBootstrap, type BootstrapEstimate } from '../stats/paired-bootstrap.js';
import { bleuFromStatistics, bleuSegmentStatistics, type BleuOptions } from './bleu.js';
import { chrfFromStatistics, chrfSegmentStatistics, type ChrfOptions } from './chrf.js';
import { sumStatistics } from './corpus-metric.js';
import { referenceCount, referencesOfSegment, type ReferenceStreams } from './reference-streams.js';
import { bleuSignature, chrfSignature, terSignature, type SignatureContext } from './sacrebleu-signature.js';
import { terFromStatistics, terSegmentStatistics, type TerOptions } from './ter.js';

/**
 * What `ladder mt-score` prints: corpus BLEU, chrF, chrF++ and TER of a system output against
 * reference streams, each with the statistics behind it and a sacreBLEU-style signature; and the
 * paired bootstrap comparison of two outputs. Pure functions over the lines.
 */
export const TRANSLATION_METRICS = ['bleu', 'chrf', 'chrf++', 'ter'] as const;
export type TranslationMetric = (typeof TRANSLATION_METRICS)[number];

export function isTranslationMetric(name: string): name is TranslationMetric {
  return (TRANSLATION_METRICS as readonly string[]).includes(name);
}

export interface ScoreTranslationsOptions {
  metrics: readonly TranslationMetric[];
  bleu?: BleuOptions;
  /** chrF settings; chrF++ is the same with word order 2. */
  chrf?: Omit<ChrfOptions, 'wordOrder'>;
  ter?: TerOptions;
}

interface MetricDefinition {
  segmentStatistics(hypothesis: string, references: string[]): number[];
  /** The score and the statistics to print, from summed statistics. */
  describe(totals: readonly number[]): { score: number } & Record<string, unknown>;
  score(totals: readonly number[]): number;
  signature(context: SignatureContext): string;
}

function definitions(options: ScoreTranslationsOptions): Record<TranslationMetric, MetricDefinition> {
  const bleu = options.bleu ?? {};
  const chrfOf = (wordOrder: number): MetricDefinition => {
    const chrf: ChrfOptions = { ...options.chrf, wordOrder };
    const charOrder = chrf.charOrder ?? 6;
    return {
      segmentStatistics: (hypothesis, references) => chrfSegmentStatistics(hypothesis, references, chrf),
      score: (totals) => chrfFromStatistics(totals, chrf),
      describe: (totals) => ({
        score: chrfFromStatistics(totals, chrf),
        char_order: charOrder,
        word_order: wordOrder,
        beta: chrf.beta ?? 2,
        // Per order: hypothesis n-grams, reference n-grams, matches (sacreBLEU's sufficient statistics).
        char_ngrams: orderStatistics(totals, 0, charOrder),
        ...(wordOrder > 0 ? { word_ngrams: orderStatistics(totals, charOrder, wordOrder) } : {}),
      }),
      signature: (context) => chrfSignature(context, chrf),
    };
  };
  return {
    bleu: {
      segmentStatistics: (hypothesis, references) => bleuSegmentStatistics(hypothesis, references, bleu),
      score: (totals) => bleuFromStatistics(totals, bleu).score,
      describe: (totals) => {
        const result = bleuFromStatistics(totals, bleu);
        return {
          score: result.score,
          counts: result.counts,
          totals: result.totals,
          precisions: result.precisions,
          bp: result.bp,
          sys_len: result.sysLen,
          ref_len: result.refLen,
          ratio: result.refLen > 0 ? result.sysLen / result.refLen : 0,
        };
      },
      signature: (context) => bleuSignature(context, bleu),
    },
    chrf: chrfOf(0),
    'chrf++': chrfOf(2),
    ter: {
      segmentStatistics: (hypothesis, references) => terSegmentStatistics(hypothesis, references, options.ter),
      score: (totals) => terFromStatistics(totals).score,
      describe: (totals) => {
        const result = terFromStatistics(totals);
        return { score: result.score, num_edits: result.numEdits, ref_length: result.refLength };
      },
      signature: (context) => terSignature(context, options.ter),
    },
  };
}

function orderStatistics(totals: readonly number[], firstOrder: number, orders: number): { hypothesis: number[]; reference: number[]; matches: number[] } {
  const pick = (offset: number) => Array.from({ length: orders }, (_, order) => totals[3 * (firstOrder + order) + offset] ?? 0);
  return { hypothesis: pick(0), reference: pick(1), matches: pick(2) };
}

function segmentRows(definition: MetricDefinition, hypotheses: readonly string[], streams: ReferenceStreams): number[][] {
  return hypotheses.map((hypothesis, index) => definition.segmentStatistics(hypothesis, referencesOfSegment(streams, index, 'mt-score')));
}

/**
 * The per-segment statistics of each metric asked for. With one reference per segment, chrF's
 * statistics are the character part of chrF++'s (only the choice among several references can
 * differ), so they are taken from there instead of being counted twice.
 */
function rowsByMetric(
  all: Record<TranslationMetric, MetricDefinition>,
  metrics: readonly TranslationMetric[],
  hypotheses: readonly string[],
  streams: ReferenceStreams,
  charOrder: number,
): Map<TranslationMetric, number[][]> {
  const rows = new Map<TranslationMetric, number[][]>();
  const derived = metrics.includes('chrf') && metrics.includes('chrf++') && referenceCount(streams, hypotheses.length) === 1;
  for (const metric of metrics) if (!(derived && metric === 'chrf')) rows.set(metric, segmentRows(all[metric], hypotheses, streams));
  if (derived) rows.set('chrf', (rows.get('chrf++') as number[][]).map((row) => row.slice(0, 3 * charOrder)));
  return rows;
}

export type TranslationScores = Partial<Record<TranslationMetric, { score: number; signature: string } & Record<string, unknown>>>;

/** Corpus scores of one system output (`hypotheses[i]` against `referenceStreams[k][i]`). */
export function scoreTranslations(hypotheses: readonly string[], referenceStreams: ReferenceStreams, options: ScoreTranslationsOptions): TranslationScores {
  const all = definitions(options);
  const context = { nrefs: referenceCount(referenceStreams, hypotheses.length) };
  const rows = rowsByMetric(all, options.metrics, hypotheses, referenceStreams, options.chrf?.charOrder ?? 6);
  const scores: TranslationScores = {};
  for (const metric of options.metrics) {
    const definition = all[metric];
    scores[metric] = { ...definition.describe(sumStatistics(rows.get(metric) as number[][])), signature: definition.signature(context) };
  }
  return scores;
}

export interface PairedComparison {
  baseline: BootstrapEstimate;
  system: BootstrapEstimate & { p_value: number };
  /** score(system) − score(baseline), and the 95% percentile interval of the resampled differences. */
  difference: number;
  difference_ci95: [number, number];
  signature: string;
}

/** sacreBLEU's `--paired-bs` for two outputs of the same sources: the first is the baseline. */
export function compareTranslations(
  baseline: readonly string[],
  system: readonly string[],
  referenceStreams: ReferenceStreams,
  options: ScoreTranslationsOptions & { resamples?: number; seed?: number },
): Partial<Record<TranslationMetric, PairedComparison>> {
  const all = definitions(options);
  const resamples = options.resamples ?? 1000;
  const seed = options.seed ?? 12345;
  const context = { nrefs: referenceCount(referenceStreams, baseline.length), bootstrap: resamples, seed };
  const charOrder = options.chrf?.charOrder ?? 6;
  const baselineRows = rowsByMetric(all, options.metrics, baseline, referenceStreams, charOrder);
  const systemRows = rowsByMetric(all, options.metrics, system, referenceStreams, charOrder);
  const comparisons: Partial<Record<TranslationMetric, PairedComparison>> = {};
  for (const metric of options.metrics) {
    const definition = all[metric];
    const result = pairedBootstrap({
      baseline: baselineRows.get(metric) as number[][],
      system: systemRows.get(metric) as number[][],
      score: definition.score,
      resamples,
      seed,
    });
    comparisons[metric] = {
      baseline: result.baseline,
      system: { ...result.system, p_value: result.pValue },
      difference: result.difference,
      difference_ci95: result.differenceInterval,
      signature: definition.signature(context),
    };
  }
  return comparisons;
}
