import { createRng } from '@ladder/scorers';
import { describe, expect, it } from 'vitest';
import { runGate } from './gate.js';
import { syntheticRun } from './test-fixtures.js';
import type { GateOptions } from './types.js';

/**
 * The gate's error rates, simulated: 200 pairs of runs of 500 items, each item with its own
 * success probability p (the same for both runs unless a drop is simulated) and independent
 * draws for baseline and candidate. Items of real suites are mostly easy or hard, so p is drawn
 * from Beta(1/2, 1/2) (U-shaped); the uniform case, noisier, checks the test's size at margin 0.
 */
const SIMULATIONS = 200;
const ITEMS = 500;

type Distribution = 'beta-half' | 'uniform';

function drawProbabilities(random: () => number, distribution: Distribution): number[] {
  // Beta(1/2, 1/2) is the arcsine law: sin²(πU/2).
  return Array.from({ length: ITEMS }, () => (distribution === 'uniform' ? random() : Math.sin((Math.PI * random()) / 2) ** 2));
}

/** The share of simulated candidates the gate fails, and the mean minimum detectable drop it printed. */
function simulate(options: { seed: string; distribution: Distribution; drop: number; gate?: Partial<GateOptions> }): { failRate: number; meanDetectable: number } {
  const random = createRng(options.seed);
  let failures = 0;
  let detectable = 0;
  for (let simulation = 0; simulation < SIMULATIONS; simulation += 1) {
    const probabilities = drawProbabilities(random, options.distribution);
    // A true drop of `drop` in expected accuracy: every item's p shrinks by the same factor.
    const average = probabilities.reduce((total, p) => total + p, 0) / ITEMS;
    const shrink = options.drop === 0 ? 1 : 1 - options.drop / average;
    const draw = (p: number) => (random() < p ? 1 : 0);
    const baselineScores = probabilities.map(draw);
    const candidateScores = probabilities.map((p) => draw(p * shrink));
    const suite = (scores: number[]) => ({ id: 'sim', samples: scores.map((score, index) => ({ id: `q${index}`, scores: [score] })) });
    const report = runGate(
      syntheticRun({ model: 'test/base', suites: [suite(baselineScores)] }),
      syntheticRun({ model: 'test/candidate', suites: [suite(candidateScores)] }),
      options.gate,
    );
    const [comparison] = report.comparisons;
    if (comparison?.method !== 'mcnemar-exact') throw new Error('expected the exact McNemar path');
    if (report.verdict === 'regression') failures += 1;
    detectable += comparison.minimumDetectableDrop ?? Number.NaN;
  }
  return { failRate: failures / SIMULATIONS, meanDetectable: detectable / SIMULATIONS };
}

// About a second each on an idle machine; CI machines are shared and loaded, so each gets room.
const SIMULATION_TIMEOUT_MS = 120_000;

describe('the gate on simulated runs (200 pairs of 500 items)', () => {
  let nullDetectable = Number.NaN;

  it('fails at most 7% of candidates with no true difference', { timeout: SIMULATION_TIMEOUT_MS }, () => {
    const { failRate, meanDetectable } = simulate({ seed: 'null/beta', distribution: 'beta-half', drop: 0 });
    nullDetectable = meanDetectable;
    console.log(`no true difference: share failed ${failRate}`);
    expect(failRate).toBeLessThanOrEqual(0.07);
  });

  it('fails at most 7% of them with no margin either (the exact test alone keeps the rate at or below alpha)', { timeout: SIMULATION_TIMEOUT_MS }, () => {
    const { failRate } = simulate({ seed: 'null/uniform/0', distribution: 'uniform', drop: 0, gate: { margin: 0 } });
    console.log(`no true difference, --margin 0, uniform p: share failed ${failRate}`);
    expect(failRate).toBeLessThanOrEqual(0.07);
  });

  it('fails at least 90% of candidates with a true drop of 10 points', { timeout: SIMULATION_TIMEOUT_MS }, () => {
    const { failRate } = simulate({ seed: 'drop/beta', distribution: 'beta-half', drop: 0.1 });
    console.log(`true drop of 10 points: share failed ${failRate}`);
    expect(failRate).toBeGreaterThanOrEqual(0.9);
  });

  it('detects a drop of its printed minimum detectable effect about 80% of the time', { timeout: SIMULATION_TIMEOUT_MS }, () => {
    const detectable = Number.isNaN(nullDetectable) ? simulate({ seed: 'null/beta', distribution: 'beta-half', drop: 0 }).meanDetectable : nullDetectable;
    const { failRate } = simulate({ seed: 'mde/drop', distribution: 'beta-half', drop: detectable });
    console.log(`true drop of the printed MDE (${(detectable * 100).toFixed(1)} points): share failed ${failRate}`);
    expect(failRate).toBeGreaterThan(0.65);
    expect(failRate).toBeLessThan(0.95);
  });
});
