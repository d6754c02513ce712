import { readFile } from 'node:fs/promises';
import { UsageError, sha256, type LoadContext, type LoadedDataset, type Sample, type Suite } from '@ladder/core';
import { bleu, bleuFromStatistics, bleuSegmentStatistics, createRng, pythonRstrip } from '@ladder/scorers';
import type { Language } from './languages.js';
import { translationPrompt } from './translation-prompt.js';

export interface TranslationSuiteOptions {
  id: string;
  version: string;
  description: string;
  source: Language;
  target: Language;
  /** References per segment (for the signature). */
  references: number;
  /** The source file and the reference files, in that order, for a load context. */
  locate(context: LoadContext): Promise<string[]>;
  maxOutputTokens: number;
}

/**
 * A translation suite from line-aligned plain-text files (one segment per line: a source file and
 * one or more reference files): zero-shot prompt, corpus BLEU with the target language's tokenizer
 * (`zh` for Chinese, `13a` otherwise), and corpus chrF beside it.
 */
export function createTranslationSuite(options: TranslationSuiteOptions): Suite {
  const { source, target } = options;
  return {
    id: options.id,
    version: options.version,
    description: options.description,
    capabilities: ['translation', 'language'],
    async load(context) {
      return loadSegments(options.id, await options.locate(context), `${source.code}-${target.code}`);
    },
    prompt: (sample) => translationPrompt(source, target, String(sample.metadata.source)),
    generation: { temperature: 0, maxOutputTokens: options.maxOutputTokens },
    scorer: bleu({ tokenize: target.tokenize, references: options.references, secondary: ['chrF'] }),
    repeats: 1,
    oracleAnswer: (sample) => sample.targets[0] ?? '',
    chanceScore: (_sample, all) => corpusChance(all, target),
  };
}

function decodeUtf8(bytes: Uint8Array, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UsageError(`${path}: not valid UTF-8; convert it (e.g. iconv -t UTF-8) and try again`);
  }
}

/** The lines of a segment file: split on "\n", a final newline ending the last line, each line `rstrip()`ped as sacreBLEU reads them. */
function segmentLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map(pythonRstrip);
}

async function loadSegments(suite: string, paths: string[], pair: string): Promise<LoadedDataset> {
  const [sourcePath, ...referencePaths] = paths as [string, ...string[]];
  const files = await Promise.all(paths.map((path) => readFile(path)));
  const [sources, ...references] = files.map((bytes, index) => segmentLines(decodeUtf8(bytes, paths[index] as string)));
  if (sources === undefined || sources.length === 0) throw new UsageError(`${sourcePath}: holds no lines; ${suite} needs one source segment per line`);
  references.forEach((lines, index) => {
    if (lines.length !== sources.length) {
      throw new UsageError(`${referencePaths[index]} has ${lines.length} lines but the source ${sourcePath} has ${sources.length}; the files must be aligned line by line`);
    }
  });
  const samples: Sample[] = sources.map((text, index) => {
    if (text.trim() === '') throw new UsageError(`${sourcePath}:${index + 1}: the source line is empty; remove it here and in the references`);
    return {
      id: String(index + 1),
      input: text,
      targets: references.map((lines) => lines[index] as string),
      metadata: { source: text, pair },
    };
  });
  return { samples, sha256: sha256(files.map((bytes) => sha256(bytes)).join('\n')), source: paths.join(' ') };
}

/**
 * The chance level: the expected corpus BLEU of `builtin/random`, which answers each segment
 * with the first reference of a uniformly drawn segment (in the right language, about something
 * else; now and then its own). Estimated as the mean corpus BLEU of 16 seeded simulations of that
 * baseline over the whole suite (corpus BLEU is not a mean over segments, and its value swings with
 * the rare draws of a segment's own reference, so the simulation is of whole corpora). It is the
 * same corpus number for every sample, so the runner's mean over samples is that number.
 */
const chanceCache = new WeakMap<readonly Sample[], number>();
const CHANCE_SIMULATIONS = 16;

function corpusChance(all: readonly Sample[], target: Language): number {
  const cached = chanceCache.get(all);
  if (cached !== undefined) return cached;
  const answers = [...new Set(all.map((sample) => sample.targets[0] ?? ''))];
  const random = createRng(`translation-chance/${all.length}`);
  const totals = Array.from({ length: CHANCE_SIMULATIONS }, () => new Array<number>(10).fill(0));
  for (const sample of all) {
    for (const simulation of totals) {
      const answer = answers[Math.floor(random() * answers.length)] as string;
      bleuSegmentStatistics(answer, sample.targets, { tokenize: target.tokenize }).forEach((value, index) => {
        simulation[index] = (simulation[index] as number) + value;
      });
    }
  }
  const chance = totals.reduce((sum, simulation) => sum + bleuFromStatistics(simulation).score, 0) / CHANCE_SIMULATIONS;
  chanceCache.set(all, chance);
  return chance;
}
