import { UsageError } from '@ladder/core';
import { CHINESE_SPOKEN_UNIT, WORD, spansOf } from './text-units.js';

/**
 * How a source is cut into the units that arrive one by one, as spoken: whitespace-separated
 * words (SimulEval's text source: `source.split()`), or for Chinese one unit per Han character
 * and per run of other letters or digits (a Latin name, a number). Punctuation is not a unit:
 * it arrives with the unit before it.
 */
export type SourceScript = 'spaced' | 'chinese';

/** The source as it arrives: its units (by where each starts in the text) and when each has arrived. */
export interface SourceTimeline {
  text: string;
  /** UTF-16 offset of each unit in `text`. */
  starts: number[];
  /** When unit i has been heard in full, in ms from the start of the speech (non-decreasing). */
  arrivalMs: number[];
}

/** A speaking rate for sources that have no timestamps: unit i (1-based) has arrived at i x msPerUnit. */
export interface SpeakingRate {
  msPerUnit: number;
  /** How the rate is stated in the documentation, e.g. "150 words per minute". */
  label: string;
}

/** Where each unit of `text` starts. */
export function unitStarts(text: string, script: SourceScript): number[] {
  return spansOf(text, script === 'spaced' ? WORD : CHINESE_SPOKEN_UNIT).map((span) => span.start);
}

/** A timeline from one timestamp per unit (SimulEval's `--source-timestamps`: ms, one per source word). */
export function timelineFromTimestamps(text: string, times: readonly number[], options: { script: SourceScript; where: string }): SourceTimeline {
  const starts = unitStarts(text, options.script);
  if (times.length !== starts.length) {
    throw new UsageError(`${options.where}: ${times.length} timestamps for ${starts.length} source words; give one timestamp (ms) per word`);
  }
  times.forEach((time, index) => {
    if (!Number.isFinite(time) || time < 0) throw new UsageError(`${options.where}: timestamp ${index + 1} is not a number of milliseconds >= 0`);
    if (index > 0 && time < (times[index - 1] as number)) {
      throw new UsageError(`${options.where}: timestamp ${index + 1} (${time}) is earlier than the one before it (${times[index - 1]}); timestamps must not decrease`);
    }
  });
  return { text, starts, arrivalMs: [...times] };
}

/** A timeline at a constant speaking rate. */
export function timelineFromRate(text: string, options: { script: SourceScript; rate: SpeakingRate }): SourceTimeline {
  const starts = unitStarts(text, options.script);
  return { text, starts, arrivalMs: starts.map((_start, index) => Math.round((index + 1) * options.rate.msPerUnit * 1000) / 1000) };
}

/** |X| in units. */
export function unitCount(timeline: SourceTimeline): number {
  return timeline.starts.length;
}

/** |X| in ms: when the last unit has arrived. */
export function durationMs(timeline: SourceTimeline): number {
  return timeline.arrivalMs[timeline.arrivalMs.length - 1] ?? 0;
}

/** How many units have arrived by `ms`. */
export function unitsArrivedBy(timeline: SourceTimeline, ms: number): number {
  let count = 0;
  while (count < timeline.arrivalMs.length && (timeline.arrivalMs[count] as number) <= ms) count += 1;
  return count;
}

/**
 * The text of units `from` (0-based, inclusive) to `to` (exclusive), with the punctuation that
 * follows them; the first piece also has anything before the first unit (an opening quote).
 */
export function sourceText(timeline: SourceTimeline, from: number, to: number): string {
  const boundary = (index: number) => (index <= 0 ? 0 : index >= timeline.starts.length ? timeline.text.length : (timeline.starts[index] as number));
  return timeline.text.slice(boundary(from), boundary(to)).trim();
}
