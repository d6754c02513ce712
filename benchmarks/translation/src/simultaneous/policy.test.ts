import { UsageError } from '@ladder/core';
import { describe, expect, it } from 'vitest';
import { oracleUnits, parsePolicy, policySteps } from './policy.js';
import { sourceText, timelineFromRate, timelineFromTimestamps, unitStarts, unitsArrivedBy } from './source-timeline.js';

// Sentence 1 of SimulEval's timestamped example, with its word times.
const TEXT = "I'm going to talk today about energy and climate.";
const TIMES = [781, 805, 813, 1194, 1844, 2370, 3133, 3291, 3787];
const timeline = timelineFromTimestamps(TEXT, TIMES, { script: 'spaced', where: 'src_time.txt:1' });

describe('policies', () => {
  it('reads wait-k, lag-Ns and full, and names the forms otherwise', () => {
    expect(parsePolicy('wait-3')).toEqual({ id: 'wait-3', kind: 'wait', k: 3 });
    expect(parsePolicy('lag-2.5s')).toEqual({ id: 'lag-2.5s', kind: 'lag', seconds: 2.5 });
    expect(parsePolicy('lag-4.0s').id).toBe('lag-4s');
    expect(parsePolicy('full')).toEqual({ id: 'full', kind: 'full' });
    for (const bad of ['wait-0', 'wait3', 'lag-0s', 'lag-2', 'lag-2ms', 'waitk', '']) {
      expect(() => parsePolicy(bad), bad).toThrow(UsageError);
    }
    expect(() => parsePolicy('wait3')).toThrow('simultaneous policy "wait3": expected wait-<k>');
  });

  it('calls wait-3 once 3 words have arrived, then on every word, allowing one more word each time', () => {
    const steps = policySteps(parsePolicy('wait-3'), timeline, 1);
    expect(steps.map((step) => [step.read, step.atMs, step.limit])).toEqual([
      [3, 813, 1],
      [4, 1194, 2],
      [5, 1844, 3],
      [6, 2370, 4],
      [7, 3133, 5],
      [8, 3291, 6],
      [9, 3787, Number.POSITIVE_INFINITY],
    ]);
    expect(steps.at(-1)?.final).toBe(true);
    expect(steps.slice(0, -1).every((step) => !step.final)).toBe(true);
  });

  it("catches up by the suite's length ratio, and waits for the whole source when k is longer", () => {
    expect(policySteps(parsePolicy('wait-2'), timeline, 1.9).map((step) => step.limit).slice(0, 4)).toEqual([1, 3, 5, 7]);
    expect(policySteps(parsePolicy('wait-20'), timeline, 1)).toEqual([{ read: 9, atMs: 3787, final: true, limit: Number.POSITIVE_INFINITY }]);
  });

  it('calls lag-2s every 2 seconds of speech that brought new words, and at the end of the speech', () => {
    expect(policySteps(parsePolicy('lag-2s'), timeline, 1).map((step) => [step.read, step.atMs, step.final])).toEqual([
      [5, 2000, false],
      [9, 3787, true],
    ]);
    // A pause: nothing new arrives between 4 and 6 seconds, so no call at 6 s.
    const paused = timelineFromTimestamps('a b c d', [500, 3500, 7000, 7500], { script: 'spaced', where: 'x' });
    expect(policySteps(parsePolicy('lag-2s'), paused, 1).map((step) => [step.read, step.atMs])).toEqual([
      [1, 2000],
      [2, 4000],
      [4, 7500],
    ]);
    expect(policySteps(parsePolicy('lag-8s'), timeline, 1)).toHaveLength(1);
  });

  it('lets the oracle write what wait-k allows, or the share of the reference the source heard gives (lag)', () => {
    const [first] = policySteps(parsePolicy('wait-3'), timeline, 1);
    expect(oracleUnits(parsePolicy('wait-3'), first!, 9, 9)).toBe(1);
    expect(oracleUnits(parsePolicy('wait-3'), first!, 0, 9)).toBe(0);
    const [lagStep, last] = policySteps(parsePolicy('lag-2s'), timeline, 1);
    expect(oracleUnits(parsePolicy('lag-2s'), lagStep!, 9, 9)).toBe(5);
    expect(oracleUnits(parsePolicy('lag-2s'), lagStep!, 12, 9)).toBe(6);
    expect(oracleUnits(parsePolicy('lag-2s'), last!, 12, 9)).toBe(12);
  });
});

describe('the source as it arrives', () => {
  it('cuts English into words and Chinese into characters and Latin or number runs, punctuation riding along', () => {
    expect(unitStarts(TEXT, 'spaced')).toHaveLength(9);
    const chinese = '他补充道：“我们现在有 4 个月大的 COVID-19 老鼠。”';
    const starts = unitStarts(chinese, 'chinese');
    expect(starts.map((start, index) => chinese.slice(start, starts[index + 1] ?? chinese.length).trim())).toEqual([
      '他', '补', '充', '道：“', '我', '们', '现', '在', '有', '4', '个', '月', '大', '的', 'COVID-', '19', '老', '鼠。”',
    ]);
  });

  it('gives each piece of the speech its text, from the previous boundary to the next word', () => {
    expect(sourceText(timeline, 0, 3)).toBe("I'm going to");
    expect(sourceText(timeline, 3, 9)).toBe('talk today about energy and climate.');
    const quoted = timelineFromRate('“Hello there,” she said.', { script: 'spaced', rate: { msPerUnit: 400, label: '150 wpm' } });
    expect(sourceText(quoted, 0, 1)).toBe('“Hello');
  });

  it('times a source without timestamps at the speaking rate', () => {
    const spoken = timelineFromRate('one two three', { script: 'spaced', rate: { msPerUnit: 400, label: '150 words per minute' } });
    expect(spoken.arrivalMs).toEqual([400, 800, 1200]);
    expect(unitsArrivedBy(spoken, 1000)).toBe(2);
  });

  it('refuses timestamps that do not match the words, or go back in time, in one line naming the place', () => {
    expect(() => timelineFromTimestamps('a b c', [1, 2], { script: 'spaced', where: 'src_time.txt:4' })).toThrow(
      'src_time.txt:4: 2 timestamps for 3 source words; give one timestamp (ms) per word',
    );
    expect(() => timelineFromTimestamps('a b', [5, 3], { script: 'spaced', where: 'src_time.txt:2' })).toThrow('src_time.txt:2: timestamp 2 (3) is earlier than the one before it (5)');
    expect(() => timelineFromTimestamps('a b', [5, Number.NaN], { script: 'spaced', where: 't:1' })).toThrow('t:1: timestamp 2 is not a number');
  });
});
