import type { ChatMessage, ReferenceHint, Sample, SampleSession, SimultaneousRecord } from '@ladder/core';
import { referenceLength, type LatencyUnit } from '@ladder/scorers';
import { END_OF_SPEECH } from './interpreter-prompt.js';
import { oracleUnits, policySteps, type Policy, type PolicyStep } from './policy.js';
import { durationMs, sourceText, unitCount, type SourceTimeline } from './source-timeline.js';
import { firstUnits, joinPieces, targetSpans, unitRange, type Span } from './text-units.js';

export interface SimultaneousSessionOptions {
  baseSuite: string;
  policy: Policy;
  /** The target's latency unit. */
  unit: LatencyUnit;
  /** wait-k's target/source length ratio. */
  ratio: number;
  /** The system message. */
  instructions: string;
  /** When each source unit of a sample arrives. */
  timeline(sample: Sample): SourceTimeline;
}

/**
 * The session of one sample under a policy: at each step the model gets the instructions, the
 * earlier pieces of speech with what it committed after each, and the new piece; it commits the
 * start of its reply the policy allows. Each committed unit gets the delay of its step in source
 * units, in ms of the speech, and in ms plus the computation time of the calls so far
 * (SimulEval's `elapsed`; unknown once a call came from the cache).
 */
export function simultaneousSession(options: SimultaneousSessionOptions): SampleSession {
  const spansOfReference = memoized((text: string) => targetSpans(text, options.unit));
  return {
    maxCalls: (sample) => policySteps(options.policy, options.timeline(sample), options.ratio).length,
    async run({ sample, chanceAnswers, generate }) {
      const timeline = options.timeline(sample);
      const total = unitCount(timeline);
      const reference = sample.targets[0] ?? '';
      const pieces: string[] = [];
      const emitted: SimultaneousRecord['emitted'] = [];
      const steps: SimultaneousRecord['steps'] = [];
      const history: ChatMessage[] = [{ role: 'system', content: options.instructions }];
      let pendingFrom = 0;
      let computationMs: number | null = 0;

      for (const step of policySteps(options.policy, timeline, options.ratio)) {
        const committed = emitted.length;
        if (!step.final && step.limit <= committed) continue;
        const piece = sourceText(timeline, pendingFrom, step.read);
        const message: ChatMessage = { role: 'user', content: step.final ? `${piece}\n\n${END_OF_SPEECH}`.trim() : piece };
        const hint = (text: string): string => {
          const spans = spansOfReference(text);
          return unitRange(text, spans, committed, oracleUnits(options.policy, step, spans.length, total), options.unit).text;
        };
        const reply = await generate({
          prompt: [...history, message],
          reference: (): ReferenceHint => ({ oracleAnswer: hint(reference), chanceAnswers: chanceAnswers.map(hint) }),
        });
        computationMs = computationMs === null || reply.totalMs === null ? null : computationMs + reply.totalMs;
        const kept = firstUnits(reply.text, options.unit, step.final ? Number.POSITIVE_INFINITY : step.limit - committed);
        for (const unit of kept.units) emitted.push(delayOf(unit, step, computationMs));
        steps.push({ read: step.read, ms: step.atMs, committed: kept.units.length });
        if (kept.units.length > 0) {
          pieces.push(kept.text);
          history.push(message, { role: 'assistant', content: kept.text.trim() });
          pendingFrom = step.read;
        }
      }
      return {
        output: joinPieces(pieces, options.unit),
        simultaneous: {
          baseSuite: options.baseSuite,
          policy: options.policy.id,
          targetUnit: options.unit,
          source: { units: total, ms: durationMs(timeline) },
          referenceLength: referenceLength(reference, options.unit),
          emitted,
          steps,
        },
      };
    },
  };
}

function delayOf(unit: string, step: PolicyStep, computationMs: number | null): SimultaneousRecord['emitted'][number] {
  return {
    unit,
    words: step.read,
    ms: step.atMs,
    msComputationAware: computationMs === null ? null : Math.round((step.atMs + computationMs) * 1000) / 1000,
  };
}

/** The target spans of each reference text, computed once (the chance answers are the suite's references, asked again at every step). */
function memoized(compute: (text: string) => Span[]): (text: string) => Span[] {
  const cache = new Map<string, Span[]>();
  return (text) => {
    let spans = cache.get(text);
    if (spans === undefined) {
      spans = compute(text);
      cache.set(text, spans);
    }
    return spans;
  };
}
