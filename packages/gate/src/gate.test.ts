import { chrfSegmentStatistics } from '@ladder/scorers';
import { describe, expect, it } from 'vitest';
import { runGate } from './gate.js';
import { syntheticRun, type SyntheticSample, type SyntheticSuite } from './test-fixtures.js';

/** n samples scoring 1 except those listed as wrong. */
function samples(n: number, options: { wrong?: number[]; repeats?: number } = {}): SyntheticSample[] {
  return Array.from({ length: n }, (_, index) => ({
    id: `s${String(index).padStart(3, '0')}`,
    scores: Array.from({ length: options.repeats ?? 1 }, () => (options.wrong?.includes(index) ? 0 : 1)),
  }));
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, index) => from + index);
}

const suite = (id: string, items: SyntheticSample[], extra: Partial<SyntheticSuite> = {}): SyntheticSuite => ({ id, samples: items, ...extra });

describe('runGate on 0/1 metrics', () => {
  it('passes a candidate identical to the baseline, with a minimum detectable drop that says what a pass means', () => {
    const items = samples(200, { wrong: range(0, 30) });
    const report = runGate(syntheticRun({ suites: [suite('a', items)] }), syntheticRun({ suites: [suite('a', items)] }));
    expect(report.verdict).toBe('pass');
    expect(report.exitCode).toBe(0);
    const [comparison] = report.comparisons;
    expect(comparison).toMatchObject({ method: 'mcnemar-exact', paired: 200, delta: 0, interval: [0, 0], discordant: { regressions: 0, improvements: 0 }, flipCount: 0, verdict: 'pass' });
    expect(comparison?.minimumDetectableDrop).toBeGreaterThan(0.05);
  });

  it('fails a candidate wrong on a tenth of the passing items and lists exactly those', () => {
    const flipped = range(30, 47);
    const baseline = syntheticRun({ model: 'acme/v1', suites: [suite('a', samples(200, { wrong: range(0, 30) }))] });
    const candidate = syntheticRun({ model: 'acme/v2', suites: [suite('a', samples(200, { wrong: [...range(0, 30), ...flipped] }))] });
    const report = runGate(baseline, candidate);
    expect(report.exitCode).toBe(1);
    const [comparison] = report.comparisons;
    expect(comparison?.baselineModel).toBe('acme/v1');
    expect(comparison?.candidateModel).toBe('acme/v2');
    expect(comparison?.delta).toBeCloseTo(-17 / 200, 12);
    expect(comparison?.interval?.[1]).toBeLessThan(-0.02);
    expect(comparison?.mcnemarP).toBeCloseTo(0.5 ** 17, 15);
    expect(comparison?.flips.map((flip) => flip.sampleId)).toEqual(flipped.map((index) => `s${String(index).padStart(3, '0')}`));
    expect(report.notes).toContain('comparing baseline model acme/v1 with candidate model acme/v2 (each run has one model)');
  });

  it('does not fail a drop within the margin, however significant', () => {
    // 2,000 items, 30 pass → fail and nothing else: 1.5 points worse, certainly, but within 2 points.
    const baseline = syntheticRun({ suites: [suite('a', samples(2000))] });
    const candidate = syntheticRun({ suites: [suite('a', samples(2000, { wrong: range(0, 30) }))] });
    const report = runGate(baseline, candidate);
    expect(report.comparisons[0]?.mcnemarP).toBeLessThan(1e-8);
    expect(report.verdict).toBe('pass');
    expect(runGate(baseline, candidate, { margin: 0 }).verdict).toBe('regression');
  });

  it('corrects across suites with Holm: a drop significant alone is not with many suites', () => {
    // 9 of 9 discordant pairs are regressions: one-sided p = 1/512 ≈ 0.002 alone.
    const worse = suite('worse', samples(100, { wrong: range(0, 9) }));
    const base = suite('worse', samples(100));
    const others = range(0, 29).map((index) => suite(`other${index}`, samples(100)));
    const alone = runGate(syntheticRun({ suites: [base] }), syntheticRun({ suites: [worse] }), { margin: 0 });
    expect(alone.verdict).toBe('regression');
    const many = runGate(syntheticRun({ suites: [base, ...others] }), syntheticRun({ suites: [worse, ...others] }), { margin: 0 });
    const comparison = many.comparisons.find((item) => item.suite === 'worse');
    expect(comparison?.pValue).toBeCloseTo(1 / 512, 12);
    expect(comparison?.adjustedP).toBeCloseTo(30 / 512, 12);
    expect(comparison?.testLevel).toBeCloseTo(0.05 / 30, 12);
    expect(comparison?.intervalLevel).toBeCloseTo(1 - 0.1 / 30, 12);
    expect(comparison?.interval?.[1]).toBeGreaterThan(0);
    expect(many.verdict).toBe('pass');
  });
});

describe('runGate on errors and missing samples', () => {
  it('excludes pairs either run failed to score, counts them by reason, and keeps format errors as wrong answers', () => {
    const baselineItems = samples(100);
    const candidateItems = samples(100);
    (baselineItems[0] as SyntheticSample).scores = ['timeout'];
    (candidateItems[1] as SyntheticSample).scores = ['model_error'];
    (candidateItems[2] as SyntheticSample).scores = ['format_error'];
    const report = runGate(syntheticRun({ suites: [suite('a', baselineItems)] }), syntheticRun({ suites: [suite('a', candidateItems)] }));
    const [comparison] = report.comparisons;
    expect(comparison?.planned).toBe(100);
    expect(comparison?.paired).toBe(98);
    expect(comparison?.excludedCounts).toEqual({ baseline: { timeout: 1 }, candidate: { model_error: 1 } });
    expect(comparison?.excluded.map((item) => item.sampleId)).toEqual(['s000', 's001']);
    expect(comparison?.discordant).toEqual({ regressions: 1, improvements: 0 });
    expect(comparison?.flips.map((flip) => flip.sampleId)).toEqual(['s002']);
    expect(report.verdict).toBe('pass');
  });

  it('cannot compare when more pairs than --max-excluded allows are missing (an unfinished candidate)', () => {
    const candidate = syntheticRun({ suites: [suite('a', samples(100))], status: 'running' });
    candidate.records = candidate.records.slice(0, 90);
    const report = runGate(syntheticRun({ suites: [suite('a', samples(100))] }), candidate);
    expect(report.verdict).toBe('cannot-compare');
    expect(report.exitCode).toBe(2);
    expect(report.comparisons[0]?.reason).toBe('10 of 100 pairs (10.0%) were not scored in both runs (candidate: missing 10), above the 5.0% allowed (--max-excluded)');
    expect(report.notes).toContain('the candidate run is unfinished (status running): its missing samples are counted as excluded');
    expect(runGate(syntheticRun({ suites: [suite('a', samples(100))] }), candidate, { maxExcluded: 0.1 }).verdict).toBe('pass');
  });

  it('a suite the candidate did not run cannot be compared; a suite only the candidate ran is noted', () => {
    const baseline = syntheticRun({ suites: [suite('a', samples(50)), suite('b', samples(50))] });
    const candidate = syntheticRun({ suites: [suite('a', samples(50)), suite('c', samples(50))] });
    const report = runGate(baseline, candidate);
    expect(report.verdict).toBe('cannot-compare');
    expect(report.comparisons.find((item) => item.suite === 'b')?.reason).toMatch(/the candidate run has no such suite/);
    expect(report.notes).toContain('not compared: c (only in the candidate; no baseline)');
    expect(runGate(baseline, candidate, { suites: ['a'] }).verdict).toBe('pass');
    expect(() => runGate(baseline, candidate, { suites: ['b'] })).toThrow(/--suite b: the candidate .* has no such suite/);
  });

  it('a regression outranks a suite that cannot be compared', () => {
    const baseline = syntheticRun({ suites: [suite('a', samples(200)), suite('b', samples(50))] });
    const candidate = syntheticRun({ suites: [suite('a', samples(200, { wrong: range(0, 40) })), suite('b', samples(50))] });
    candidate.records = candidate.records.filter((record) => record.suite !== 'b');
    const report = runGate(baseline, candidate);
    expect(report.comparisons.map((item) => item.verdict)).toEqual(['regression', 'cannot-compare']);
    expect(report.exitCode).toBe(1);
  });
});

describe('runGate on drift', () => {
  const items = samples(40);
  it('refuses a changed prompt template, naming it', () => {
    const changed = items.map((item) => ({ ...item, prompt: `new prompt of ${item.id}` }));
    const report = runGate(syntheticRun({ suites: [suite('demo-math', items)] }), syntheticRun({ suites: [suite('demo-math', changed)] }));
    expect(report.exitCode).toBe(2);
    expect(report.comparisons).toEqual([]);
    expect(report.refusal).toBe('demo-math: the prompts differ for 40 of 40 samples (first: s000) — the prompt template changed; rerun the baseline or pass --allow-drift');
  });

  it('refuses changed versions, data, single prompts and sample sets; --allow-drift compares and lists them', () => {
    const someChanged = items.map((item, index) => (index === 7 ? { ...item, prompt: 'edited' } : item));
    const baseline = syntheticRun({ suites: [suite('a', items), suite('b', items), suite('c', items)] });
    const candidate = syntheticRun({
      suites: [suite('a', someChanged, { version: '2' }), suite('b', items, { datasetSha256: 'e'.repeat(64) }), suite('c', items.slice(0, 30))],
    });
    const refused = runGate(baseline, candidate);
    expect(refused.refusal).toBe(
      "a: the suite version changed (1 → 2); the prompts differ for 1 of 40 samples (first: s007) — those samples' prompts changed | " +
        'b: the dataset changed (sha256 dddddddddddd → eeeeeeeeeeee) | ' +
        'c: the sample sets differ: 10 only in the baseline (first: s030), 30 in both (was --limit or the data changed?); rerun the baseline or pass --allow-drift',
    );
    const allowed = runGate(baseline, candidate, { allowDrift: true });
    expect(allowed.verdict).toBe('pass');
    expect(allowed.drift).toHaveLength(4);
    expect(allowed.comparisons.find((item) => item.suite === 'c')?.planned).toBe(30);
  });

  it('cannot compare a suite whose metric changed, even with --allow-drift', () => {
    const report = runGate(syntheticRun({ suites: [suite('a', items)] }), syntheticRun({ suites: [suite('a', items, { metric: 'chrF', metricKind: 'mean', metricScale: 100 })] }), { allowDrift: true });
    expect(report.comparisons[0]?.reason).toMatch(/the metric changed \(accuracy, proportion → chrF, mean\)/);
    expect(report.exitCode).toBe(2);
  });
});

describe('runGate with repeats, continuous and corpus metrics', () => {
  it('clusters repeats by sample: five identical repeats are no more evidence than one', () => {
    const one = runGate(syntheticRun({ suites: [suite('a', samples(100))] }), syntheticRun({ suites: [suite('a', samples(100, { wrong: range(0, 8) }))] }), { margin: 0 });
    const five = runGate(syntheticRun({ suites: [suite('a', samples(100, { repeats: 5 }))] }), syntheticRun({ suites: [suite('a', samples(100, { repeats: 5, wrong: range(0, 8) }))] }), { margin: 0 });
    expect(one.comparisons[0]?.method).toBe('mcnemar-exact');
    const clustered = five.comparisons[0];
    expect(clustered?.method).toBe('paired-bootstrap');
    expect(clustered?.paired).toBe(500);
    expect(clustered?.clusters).toBe(100);
    expect(clustered?.delta).toBeCloseTo(-0.08, 12);
    // Resampling clusters, the standard error is that of 100 units, not 500: the interval stays wide.
    const width = (clustered?.interval?.[1] ?? 0) - (clustered?.interval?.[0] ?? 0);
    expect(width).toBeGreaterThan(0.06);
    expect(clustered?.flips).toHaveLength(40);
  });

  it('compares a continuous metric with the paired bootstrap, the margin scaled to the metric', () => {
    const random = (index: number) => ((index * 7919) % 101) / 1.01;
    const baselineItems = Array.from({ length: 300 }, (_, index) => ({ id: `t${index}`, scores: [random(index)] }));
    const lower = baselineItems.map((item) => ({ ...item, scores: [Math.max(0, (item.scores[0] as number) - 5)] }));
    const extra = { metric: 'chrF', metricKind: 'mean' as const, metricScale: 100 };
    const same = runGate(syntheticRun({ suites: [suite('tr', baselineItems, extra)] }), syntheticRun({ suites: [suite('tr', baselineItems, extra)] }));
    expect(same.comparisons[0]).toMatchObject({ method: 'paired-bootstrap', margin: 2, delta: 0, verdict: 'pass' });
    const worse = runGate(syntheticRun({ suites: [suite('tr', baselineItems, extra)] }), syntheticRun({ suites: [suite('tr', lower, extra)] }));
    expect(worse.comparisons[0]?.verdict).toBe('regression');
    expect(worse.comparisons[0]?.flips.length).toBe(50);
    expect(worse.comparisons[0]?.flipCount).toBeGreaterThan(250);
  });

  it('recomputes a corpus metric (chrF) from summed statistics in each paired resample', () => {
    const references = Array.from({ length: 120 }, (_, index) => `the quick brown fox number ${index} jumps over the lazy dog`);
    const good = references.map((reference) => reference);
    const bad = references.map((reference, index) => (index % 3 === 0 ? 'a completely different sentence' : reference));
    const corpusSuite = (outputs: string[]): SyntheticSuite => ({
      id: 'corpus',
      metric: 'chrF',
      metricKind: 'corpus',
      metricScale: 100,
      samples: outputs.map((output, index) => ({ id: `c${index}`, scores: [0], statistics: [chrfSegmentStatistics(output, [references[index] as string])] })),
    });
    const same = runGate(syntheticRun({ suites: [corpusSuite(good)] }), syntheticRun({ suites: [corpusSuite(good)] }));
    expect(same.comparisons[0]).toMatchObject({ method: 'paired-bootstrap', baselineValue: 100, candidateValue: 100, verdict: 'pass' });
    const worse = runGate(syntheticRun({ suites: [corpusSuite(good)] }), syntheticRun({ suites: [corpusSuite(bad)] }));
    expect(worse.comparisons[0]?.candidateValue).toBeLessThan(80);
    expect(worse.comparisons[0]?.verdict).toBe('regression');
  });

  it('an unknown corpus metric or missing statistics make that suite "cannot compare"', () => {
    const unknown = { metric: 'NoSuchMetric', metricKind: 'corpus' as const, metricScale: 100 };
    const items = Array.from({ length: 10 }, (_, index) => ({ id: `u${index}`, scores: [1], statistics: [[1, 2]] }));
    const report = runGate(syntheticRun({ suites: [suite('u', items, unknown)] }), syntheticRun({ suites: [suite('u', items, unknown)] }));
    expect(report.comparisons[0]?.reason).toMatch(/unknown corpus metric "NoSuchMetric"/);
    const withoutStatistics = items.map(({ id, scores }) => ({ id, scores }));
    const chrf = { metric: 'chrF', metricKind: 'corpus' as const, metricScale: 100 };
    const missing = runGate(syntheticRun({ suites: [suite('u', items, chrf)] }), syntheticRun({ suites: [suite('u', withoutStatistics, chrf)] }));
    expect(missing.comparisons[0]?.reason).toMatch(/candidate: scorer_error 10/);
  });
});
