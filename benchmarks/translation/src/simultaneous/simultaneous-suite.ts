import { defineSuite, type LoadContext, type LoadedDataset, type Sample, type Suite } from '@ladder/core';
import { bleu } from '@ladder/scorers';
import { fullSpeechPrompt, interpreterInstructions } from './interpreter-prompt.js';
import type { SpokenLanguage } from './languages.js';
import { POLICY_FORMS, parsePolicy, type Policy } from './policy.js';
import { simultaneousSession } from './simultaneous-session.js';
import { timelineFromRate, timelineFromTimestamps, type SourceTimeline } from './source-timeline.js';

/** The policies a simultaneous suite runs when it is named without one: a quality-latency curve. */
export const DEFAULT_POLICIES = ['wait-1', 'wait-3', 'wait-5', 'lag-2s', 'lag-4s', 'lag-8s', 'full'];

export interface SimultaneousSuiteOptions {
  id: string;
  version: string;
  description: string;
  from: SpokenLanguage;
  to: SpokenLanguage;
  /** wait-k's catch-up ratio: target units per source unit (1 between word-based languages). */
  ratio: number;
  /**
   * Loads the samples: `input` the source text, `targets` its reference, and with `timing:
   * 'timestamps'` `metadata.sourceTimes`, one time in ms per source unit (checked at load).
   */
  load(context: LoadContext): Promise<LoadedDataset>;
  /** Where the source's timing comes from: the data's timestamps, or the source language's speaking rate. */
  timing: 'timestamps' | 'rate';
}

/**
 * A simultaneous-translation suite. Named with a policy (`<id>@wait-3`, `<id>@lag-4s`,
 * `<id>@full`) it is that mode: each sample is a session of calls as the source arrives, scored
 * by corpus BLEU of the final translation, with SimulEval's latency of every emitted unit kept on
 * the sample. Named alone, the CLI runs it under `modes.defaults` (or `--simul-policy`).
 */
export function simultaneousSuite(options: SimultaneousSuiteOptions): Suite {
  const { from, to } = options;
  const scorer = bleu({ tokenize: to.tokenize, references: 1, secondary: ['chrF'] });
  const timeline = (sample: Sample): SourceTimeline => {
    const text = String(sample.input);
    if (options.timing === 'timestamps') {
      return timelineFromTimestamps(text, sample.metadata.sourceTimes as number[], { script: from.script, where: String(sample.metadata.where ?? sample.id) });
    }
    if (from.rate === undefined) throw new Error(`${options.id}: ${from.name} has no speaking rate; its data needs timestamps`);
    return timelineFromRate(text, { script: from.script, rate: from.rate });
  };

  const make = (policy: Policy): Suite => {
    const ratio = options.ratio;
    const instructions = interpreterInstructions({ from, to, policy, ratio });
    return defineSuite({
      id: `${options.id}@${policy.id}`,
      version: options.version,
      description: `${options.description}; policy ${policy.id}`,
      capabilities: ['translation', 'language'],
      async load(context) {
        return options.load(context);
      },
      prompt: (sample) => fullSpeechPrompt(instructions, String(sample.input)),
      generation: { temperature: 0, maxOutputTokens: 256 },
      scorer,
      repeats: 1,
      oracleAnswer: (sample) => sample.targets[0] ?? '',
      // Corpus BLEU has no per-sample chance level.
      chanceScore: () => undefined,
      session: simultaneousSession({ baseSuite: options.id, policy, unit: to.unit, ratio, instructions, timeline }),
    });
  };

  // Named alone, the suite is not run as such (the CLI runs its modes); as a suite it would be
  // offline translation, one call with the whole source.
  const { session: _session, ...offline } = make({ id: 'full', kind: 'full' });
  return {
    ...offline,
    id: options.id,
    description: options.description,
    withMode: (mode) => make(parsePolicy(mode)),
    modes: { defaults: DEFAULT_POLICIES, description: `policies ${POLICY_FORMS}` },
  };
}
