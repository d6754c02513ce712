import { UsageError, defineSuite, type LoadContext, type LoadedDataset, type Sample, type Scorer, type Suite } from '@ladder/core';
import { ItemFields, loadRows } from '@ladder/datasets';
import { resolveScorer } from '@ladder/scorers';
import { locateData, type PinnedGithubFile } from './locate-data.js';

/** The zero-shot chain-of-thought instruction of Qwen2.5-Math and DeepSeek-R1, appended to the question. */
export const MATH_INSTRUCTION = 'Please reason step by step, and put your final answer within \\boxed{}.';

/** One row of a data file, with checked access to its fields. */
export interface MathRow {
  /** 0-based position among the file's rows (Qwen2.5-Math's `idx`). */
  index: number;
  fields: ItemFields;
  value: Record<string, unknown>;
}

/** What a row becomes; `undefined` leaves the row out (documented per dataset). */
export interface MathItem {
  id: string;
  question: string;
  answer: string;
  metadata?: Record<string, unknown>;
}

export interface MathDataset {
  id: string;
  description: string;
  /** The file name under `<data dir>/<id>/` (and of the pinned source). */
  file: string;
  source: PinnedGithubFile;
  /** Rows in the pinned file, and items after `read` leaves some out. */
  rows: number;
  items: number;
  read(row: MathRow): MathItem | undefined;
}

/** Reads a dataset's file (from `--data`, the data directory or a pinned download) into samples. */
export async function loadMathDataset(dataset: MathDataset, context: LoadContext): Promise<LoadedDataset> {
  const path = await locateData({ suite: dataset.id, file: dataset.file, dataPath: context.dataPath, source: dataset.source });
  const loaded = await loadRows(path);
  const samples: Sample[] = [];
  const lineOf = new Map<string, number>();
  loaded.rows.forEach((row, index) => {
    const item = dataset.read({ index, fields: new ItemFields(`${path}:${row.line}`, row.value), value: row.value });
    if (item === undefined) return;
    const previous = lineOf.get(item.id);
    if (previous !== undefined) throw new UsageError(`${path}:${row.line}: item id "${item.id}" already used on line ${previous}; ids must be unique`);
    lineOf.set(item.id, row.line);
    samples.push({ id: item.id, input: item.question, targets: [item.answer], metadata: { ...item.metadata, question: item.question } });
  });
  return { samples, sha256: loaded.sha256, source: path };
}

/** A string or a finite number, as trimmed non-empty text (AIME 2025 stores answers as numbers). */
export function scalarText(row: MathRow, field: string, hint: string): string {
  const value = row.value[field];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return row.fields.string(field, hint).trim();
}

/** Removes one pair of surrounding `$` (Qwen2.5-Math's `re.sub(r"^\$(.*)\$$", r"\1", answer)`). */
export function stripDollars(answer: string): string {
  const match = /^\$(.*)\$$/s.exec(answer.trim());
  return (match?.[1] ?? answer).trim();
}

/**
 * The `math` scorer of @ladder/scorers, looked up when first used, so that this package loads
 * (and demo-math and gsm8k run) even in a build that does not have it yet.
 */
function lazyMathScorer(): Scorer {
  let resolved: Scorer | undefined;
  const resolve = (): Scorer => (resolved ??= resolveScorer('math'));
  const tryResolve = (): Scorer | undefined => {
    try {
      return resolve();
    } catch {
      return undefined;
    }
  };
  return {
    get name() {
      return tryResolve()?.name ?? 'math';
    },
    get metric() {
      return tryResolve()?.metric ?? { name: 'accuracy', kind: 'proportion', scale: 1 };
    },
    score: (input) => resolve().score(input),
  };
}

/** Fails the run before it starts, in one line, when the `math` scorer is missing. */
function requireMathScorer(suite: string): void {
  try {
    resolveScorer('math');
  } catch {
    throw new UsageError(`${suite}: needs the "math" scorer (mathAnswer in @ladder/scorers), which this build does not have yet; demo-math works without it`);
  }
}

/** A zero-shot chain-of-thought suite over one dataset of the Qwen2.5-Math evaluation family. */
export function createMathSuite(dataset: MathDataset): Suite {
  return defineSuite({
    id: dataset.id,
    version: '1',
    description: dataset.description,
    capabilities: ['math', 'reasoning'],
    async load(context) {
      requireMathScorer(dataset.id);
      return loadMathDataset(dataset, context);
    },
    prompt(sample) {
      const question = typeof sample.input === 'string' ? sample.input : String(sample.metadata.question);
      return [{ role: 'user', content: `${question}\n${MATH_INSTRUCTION}` }];
    },
    generation: { temperature: 0, maxOutputTokens: 4096 },
    scorer: lazyMathScorer(),
    repeats: 1,
    oracleAnswer: (sample) => oracleAnswerFor(sample.targets[0] ?? ''),
  });
}

/**
 * The reference as a model would write it: `\boxed{…}`, or, when the reference's braces do not
 * balance (`\left\{ … \right.` counts an escaped brace, as Qwen's boxed matcher does), the Minerva
 * form "The final answer is $…$. I hope it is correct.", which the extractor reads without matching braces.
 */
export function oracleAnswerFor(reference: string): string {
  let depth = 0;
  for (const character of reference) {
    if (character === '{') depth += 1;
    else if (character === '}') depth -= 1;
    if (depth < 0) break;
  }
  return depth === 0 ? `The final answer is \\boxed{${reference}}.` : `The final answer is $${reference}$. I hope it is correct.`;
}
