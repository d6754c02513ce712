import { isAbsolute, resolve } from 'node:path';
import {
  TemplateFieldError,
  UsageError,
  isSuite,
  renderTemplate,
  sha256,
  stableStringify,
  type ChatMessage,
  type LoadedDataset,
  type Sample,
  type Suite,
  type SuiteDefinition,
} from '@ladder/core';
import { loadRows, type Row } from '@ladder/datasets';
import { resolveScorer } from '@ladder/scorers';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A suite with its samples loaded, limited and rendered: everything the plan needs. */
export interface PreparedSuite {
  suite: Suite;
  samples: Sample[];
  dataset: LoadedDataset;
  /** The rendered prompt of sample `index` (rendered again on demand: 100,000 prompts need not sit in memory). */
  prompt(index: number): ChatMessage[];
  promptHashes: string[];
  repeats: number;
  oracleAnswers: string[];
  chanceAnswers: (index: number) => string[];
  /** Expected score of the chance baseline, averaged over samples; null when unknown. */
  chanceScore: number | null;
}

/** Turns a declarative `defineSuite({ data, prompt, target, scorer })` into a runnable suite. */
export function resolveSuiteDefinition(definition: SuiteDefinition, options: { baseDir: string; origin: string }): Suite {
  const where = `${options.origin}: suite "${definition.id}"`;
  if (typeof definition.id !== 'string' || !/^[\w.-]+$/.test(definition.id)) {
    throw new UsageError(`${options.origin}: a suite id must be letters, digits, '.', '_' or '-', got ${JSON.stringify(definition.id)}`);
  }
  if (definition.data === undefined) throw new UsageError(`${where}: field "data" is missing (a .jsonl, .json or .csv file)`);
  if (definition.prompt === undefined) throw new UsageError(`${where}: field "prompt" is missing (a template such as 'Q: {{question}}')`);
  if (typeof definition.target !== 'string') throw new UsageError(`${where}: field "target" must name the field holding the answer`);
  if (definition.scorer === undefined) throw new UsageError(`${where}: field "scorer" is missing (for example 'exact'; \`ladder list\` shows all)`);
  const scorer = typeof definition.scorer === 'string' ? resolveScorerFor(definition.scorer, where) : definition.scorer;
  const template = definition.prompt;
  const data = definition.data;

  return {
    id: definition.id,
    version: definition.version ?? '1',
    description: definition.description,
    capabilities: definition.capabilities ?? [],
    generation: definition.generation ?? {},
    repeats: definition.repeats ?? 1,
    scorer,
    async load(context) {
      if (typeof data === 'function' && context.dataPath === undefined) return data(context);
      const path = context.dataPath ?? (typeof data === 'string' ? (isAbsolute(data) ? data : resolve(context.baseDir, data)) : '');
      const loaded = await loadRows(path);
      const samples = loaded.rows.map((row) => rowToSample(row, definition, path));
      return { samples, sha256: loaded.sha256, source: path };
    },
    prompt(sample) {
      if (Array.isArray(sample.input)) return sample.input;
      const messages: ChatMessage[] = [];
      if (definition.system !== undefined) messages.push({ role: 'system', content: definition.system });
      if (typeof template === 'function') return [...messages, ...template(sample)];
      try {
        messages.push({ role: 'user', content: renderTemplate(template, sample.metadata) });
      } catch (error) {
        if (error instanceof TemplateFieldError) {
          throw new UsageError(`${String(sample.metadata.__source ?? where)}: ${error.message}; fix the template or the data`);
        }
        throw error;
      }
      return messages;
    },
  };
}

function resolveScorerFor(name: string, where: string) {
  try {
    return resolveScorer(name);
  } catch (error) {
    throw new UsageError(`${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function rowToSample(row: Row, definition: SuiteDefinition, path: string): Sample {
  const where = `${path}:${row.line}`;
  const value = row.value;
  const idValue = definition.idField === undefined ? String(row.line) : value[definition.idField];
  if (idValue === undefined || idValue === null || idValue === '') {
    throw new UsageError(`${where}: field "${definition.idField}" (the item id) is missing`);
  }
  const target = value[definition.target];
  if (target === undefined || target === null) {
    throw new UsageError(`${where}: field "${definition.target}" (the target) is missing; every item needs it`);
  }
  const targets = (Array.isArray(target) ? target : [target]).map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
  let choices: string[] | undefined;
  if (definition.choices !== undefined) {
    const raw = value[definition.choices];
    if (!Array.isArray(raw) || raw.length < 2) {
      throw new UsageError(`${where}: field "${definition.choices}" must be a list of at least two options`);
    }
    choices = raw.map((item) => String(item));
  }
  return {
    id: String(idValue),
    input: typeof value.messages === 'object' && Array.isArray(value.messages) ? (value.messages as ChatMessage[]) : '',
    targets,
    ...(choices === undefined ? {} : { choices }),
    metadata: { ...value, __source: where },
  };
}

export function defaultOracleAnswer(sample: Sample): string {
  return sample.targets[0] ?? '';
}

/** Loads a suite's data, applies `--limit`, renders every prompt and hashes it. */
export async function prepareSuite(
  suite: Suite,
  options: { dataPath?: string; baseDir: string; limit?: number; repeats?: number },
): Promise<PreparedSuite> {
  const dataset = await suite.load({ baseDir: options.baseDir, ...(options.dataPath === undefined ? {} : { dataPath: options.dataPath }) });
  const source = dataset.source;
  if (dataset.samples.length === 0) throw new UsageError(`${source}: holds no items for suite ${suite.id}`);
  const seen = new Map<string, number>();
  dataset.samples.forEach((sample, index) => {
    const previous = seen.get(sample.id);
    if (previous !== undefined) {
      throw new UsageError(`${source}: item ${index + 1} repeats id "${sample.id}" (first at item ${previous + 1}); ids must be unique`);
    }
    seen.set(sample.id, index);
  });
  const samples = options.limit === undefined ? dataset.samples : dataset.samples.slice(0, options.limit);
  const promptHashes = samples.map((sample) => sha256(stableStringify(suite.prompt(sample))));
  const oracleAnswers = samples.map((sample) => (suite.oracleAnswer ?? defaultOracleAnswer)(sample));

  const allTargets = [...new Set(oracleAnswers)];
  const letterAnswers = new Map<number, string[]>();
  const chanceAnswers = (index: number): string[] => {
    const sample = samples[index];
    if (sample === undefined) return [];
    if (suite.chanceAnswers !== undefined) return suite.chanceAnswers(sample, samples);
    if (sample.choices !== undefined) {
      const count = sample.choices.length;
      let letters = letterAnswers.get(count);
      if (letters === undefined) {
        letters = [...LETTERS.slice(0, count)];
        letterAnswers.set(count, letters);
      }
      return letters;
    }
    return allTargets;
  };
  return {
    suite,
    samples,
    dataset,
    prompt: (index) => {
      const sample = samples[index];
      if (sample === undefined) throw new RangeError(`no sample ${index} in suite ${suite.id}`);
      return suite.prompt(sample);
    },
    promptHashes,
    repeats: options.repeats ?? suite.repeats,
    oracleAnswers,
    chanceAnswers,
    chanceScore: computeChanceScore(suite, samples, oracleAnswers),
  };
}

function computeChanceScore(suite: Suite, samples: Sample[], oracleAnswers: string[]): number | null {
  if (samples.length === 0) return null;
  let total = 0;
  if (suite.chanceScore !== undefined) {
    for (const sample of samples) {
      const value = suite.chanceScore(sample, samples);
      if (value === undefined) return null;
      total += value;
    }
    return total / samples.length;
  }
  if (samples.every((sample) => sample.choices !== undefined)) {
    for (const sample of samples) total += 1 / (sample.choices?.length ?? 1);
    return total / samples.length;
  }
  // Default: the baseline answers with a uniformly drawn distinct reference; it is right when it
  // draws this sample's own reference.
  const distinct = new Set(oracleAnswers).size;
  return distinct === 0 ? null : 1 / distinct;
}
