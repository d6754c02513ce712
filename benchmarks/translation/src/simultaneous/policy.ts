import { UsageError } from '@ladder/core';
import { durationMs, unitCount, unitsArrivedBy, type SourceTimeline } from './source-timeline.js';

/**
 * A simultaneous-translation policy: when the model is called, and how much it may commit.
 * - `wait-<k>` (Ma et al. 2019, with their catch-up for unequal lengths): the first call once k
 *   source units have arrived, then one call per new unit; after j units the translation may
 *   hold floor((j - k + 1) x r) target units, r the suite's target/source length ratio (1 for
 *   word-to-word directions). Once the source is complete, the rest.
 * - `lag-<N>s` (a fixed-lag "latency mode"): a call every N seconds of speech with the source
 *   heard so far (none when no new unit has arrived), and one when the speech ends; the model
 *   commits what it wants.
 * - `full`: one call with the whole source (offline translation: the curve's quality ceiling).
 */
export type Policy = { id: string; kind: 'wait'; k: number } | { id: string; kind: 'lag'; seconds: number } | { id: 'full'; kind: 'full' };

export const POLICY_FORMS = 'wait-<k> (k source units first, e.g. wait-3), lag-<N>s (a call every N seconds, e.g. lag-4s) or full';

/** Reads a policy id; a UsageError names the forms otherwise. */
export function parsePolicy(text: string): Policy {
  const wait = /^wait-([1-9]\d{0,3})$/.exec(text);
  if (wait !== null) return { id: text, kind: 'wait', k: Number(wait[1]) };
  const lag = /^lag-(\d{1,4}(?:\.\d{1,3})?)s$/.exec(text);
  if (lag !== null && Number(lag[1]) > 0) {
    const seconds = Number(lag[1]);
    return { id: `lag-${seconds}s`, kind: 'lag', seconds };
  }
  if (text === 'full') return { id: 'full', kind: 'full' };
  throw new UsageError(`simultaneous policy "${text}": expected ${POLICY_FORMS}`);
}

/** One point where the policy may call the model. */
export interface PolicyStep {
  /** Source units read (|X| at the last step). */
  read: number;
  /** When the call is made, in ms of the speech: when the unit read last arrived, or the lag boundary. */
  atMs: number;
  /** The source is complete: the model finishes the translation. */
  final: boolean;
  /** Target units the translation may hold after this step (Infinity: no limit). */
  limit: number;
}

/** The steps of a policy over a source. `ratio` is r of wait-k's catch-up. */
export function policySteps(policy: Policy, timeline: SourceTimeline, ratio: number): PolicyStep[] {
  const total = unitCount(timeline);
  const end = durationMs(timeline);
  const finalStep: PolicyStep = { read: total, atMs: end, final: true, limit: Number.POSITIVE_INFINITY };
  if (total === 0 || policy.kind === 'full') return [finalStep];
  const steps: PolicyStep[] = [];
  if (policy.kind === 'wait') {
    for (let read = Math.min(policy.k, total); read < total; read += 1) {
      steps.push({ read, atMs: timeline.arrivalMs[read - 1] as number, final: false, limit: Math.floor((read - policy.k + 1) * ratio) });
    }
  } else {
    const period = policy.seconds * 1000;
    let previous = 0;
    for (let boundary = period; boundary < end; boundary += period) {
      const read = unitsArrivedBy(timeline, boundary);
      if (read > previous && read < total) steps.push({ read, atMs: boundary, final: false, limit: Number.POSITIVE_INFINITY });
      previous = read;
    }
  }
  steps.push(finalStep);
  return steps;
}

/**
 * How many units of a reference of `length` units the oracle has written after a step: as many
 * as the policy allows (wait-k), or the share of the reference equal to the share of the source
 * heard (lag), all of it at the end.
 */
export function oracleUnits(policy: Policy, step: PolicyStep, length: number, sourceUnits: number): number {
  if (step.final) return length;
  if (policy.kind === 'wait') return Math.min(step.limit, length);
  return Math.floor((length * step.read) / sourceUnits);
}
