import type { GenerationSettings } from './language-model.js';
import type { ChatMessage, Sample } from './sample.js';
import type { Scorer } from './scorer.js';
import type { SampleSession } from './session.js';

export const CAPABILITIES = ['math', 'code', 'knowledge', 'language', 'reasoning', 'translation'] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** What a suite loads: its samples plus a sha256 of the bytes they came from. */
export interface LoadedDataset {
  samples: Sample[];
  /** sha256 of the source bytes (for several files, of their hashes in order). */
  sha256: string;
  /** Where the data came from (a path or a URL), for the manifest. */
  source: string;
  /** What the loader had to do that changes what is measured (fewer few-shot examples than the prompt says, say): printed by the run and kept in the manifest's warnings. */
  warnings?: string[];
}

export interface LoadContext {
  /** `--data <path>`: the user's local copy, when given. */
  dataPath?: string;
  /** Directory that relative paths in the suite resolve against. */
  baseDir: string;
}

/** Ready-to-run suite. Built with `defineSuite` or by a benchmark package. */
export interface Suite {
  id: string;
  /** Bump whenever the prompt, the scorer or the data selection changes. */
  version: string;
  description?: string;
  capabilities: Capability[];
  load(context: LoadContext): Promise<LoadedDataset>;
  /** Renders one sample into chat messages. Its hash goes into the manifest. */
  prompt(sample: Sample): ChatMessage[];
  generation: GenerationSettings;
  scorer: Scorer;
  /** How many times each sample is asked by default (`--repeats` overrides). */
  repeats: number;
  /** The oracle's answer: the reference, written so the scorer reads it. Defaults to the first target. */
  oracleAnswer?(sample: Sample): string;
  /** Answers a chance-level baseline draws from. Defaults to choice letters, else all targets in the suite. */
  chanceAnswers?(sample: Sample, all: readonly Sample[]): string[];
  /** Expected score of a chance-level baseline on this sample, when it can be computed. */
  chanceScore?(sample: Sample, all: readonly Sample[]): number | undefined;
  /**
   * The group a sample belongs to (an MMLU subject, a difficulty level): each record carries it,
   * and reports add the unweighted mean over groups (every group counts once) beside the
   * sample-weighted overall value.
   */
  groupOf?(sample: Sample): string | undefined;
  /**
   * Present when each sample is asked as a session of several model calls (simultaneous
   * translation) instead of one call with `prompt(sample)`; `prompt` still renders what the
   * manifest hashes.
   */
  session?: SampleSession;
  /**
   * A suite with modes (simultaneous translation's policies): `<id>@<mode>` names this suite in
   * that mode, which `withMode` builds (its id is `<id>@<mode>`); an unknown mode is a UsageError.
   */
  withMode?(mode: string): Suite;
  /** For a suite with modes: those run when it is named without one, and a line on what a mode is. */
  modes?: { defaults: string[]; description: string };
}

/** Gives type checking to a suite, either a full `Suite` or a declarative `SuiteDefinition`. */
export function defineSuite<T extends Suite | SuiteDefinition>(suite: T): T {
  return suite;
}

/**
 * A suite as a user writes it in `ladder.config.ts`: data file, prompt template, target
 * field and scorer. Ladder turns it into a `Suite`.
 *
 * ```ts
 * defineSuite({
 *   id: 'my-capitals',
 *   data: 'data/capitals.jsonl',          // relative to the config file
 *   prompt: 'What is the capital of {{country}}? Answer with the city only.',
 *   target: 'capital',
 *   scorer: 'exact',
 * })
 * ```
 */
export interface SuiteDefinition {
  id: string;
  version?: string;
  description?: string;
  capabilities?: Capability[];
  /** A .jsonl, .json or .csv file (relative to the config file), or a loader. */
  data: string | ((context: LoadContext) => Promise<LoadedDataset>);
  /** The field holding a stable id; the line number (1-based) when absent. */
  idField?: string;
  /** A template with `{{field}}` placeholders, or a function of the sample. */
  prompt: string | ((sample: Sample) => ChatMessage[]);
  /** An optional system message. */
  system?: string;
  /** The field holding the reference answer (a string, a number or a list of them). */
  target: string;
  /** The field holding the options of a multiple-choice item (a list). */
  choices?: string;
  /** A built-in scorer by name (`ladder list` shows them) or a scorer object. */
  scorer: string | Scorer;
  generation?: GenerationSettings;
  repeats?: number;
}

export function isSuite(value: Suite | SuiteDefinition): value is Suite {
  return typeof (value as Suite).load === 'function';
}
