import { createRng } from '@ladder/scorers';
import { describe, expect, it } from 'vitest';
import { runGate } from './gate.js';
import { syntheticRun } from './test-fixtures.js';
import type { GateOptions } from './types.js';

/**
 * The gate's error rates, simulated: 200 pairs of runs of 500 items, each item with its own
 * success probability p (the same for both runs unless a drop is simulated) and independent
 * draws for baseline and candidate. Items of real suites are mostly easy or hard, so p is drawn
 * from Beta(1/2, 1/2) (U-shaped); the uniform case, noisier, is checked too.
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

describe('the gate on simulated runs (200 pairs of 500 items)', () => {
  it('fails at most 7% of candidates with no true difference, at the default margin and at margin 0', () => {
    const rates = {
      betaHalf: simulate({ seed: 'null/beta', distribution: 'beta-half', drop: 0 }),
      uniform: simulate({ seed: 'null/uniform', distribution: 'uniform', drop: 0 }),
      betaHalfNoMargin: simulate({ seed: 'null/beta/0', distribution: 'beta-half', drop: 0, gate: { margin: 0 } }),
      uniformNoMargin: simulate({ seed: 'null/uniform/0', distribution: 'uniform', drop: 0, gate: { margin: 0 } }),
    };
    console.log(`no true difference, share failed: ${JSON.stringify(Object.fromEntries(Object.entries(rates).map(([key, value]) => [key, value.failRate])))}`);
    for (const [name, { failRate }] of Object.entries(rates)) expect(failRate, name).toBeLessThanOrEqual(0.07);
  });

  it('fails at least 90% of candidates with a true drop of 10 points', () => {
    const betaHalf = simulate({ seed: 'drop/beta', distribution: 'beta-half', drop: 0.1 });
    const uniform = simulate({ seed: 'drop/uniform', distribution: 'uniform', drop: 0.1 });
    console.log(`true drop of 10 points, share failed: beta-half ${betaHalf.failRate}, uniform ${uniform.failRate}`);
    expect(betaHalf.failRate).toBeGreaterThanOrEqual(0.9);
    // Items at p = 1/2 are the noisiest possible; even uniform p leaves the test most of its power.
    expect(uniform.failRate).toBeGreaterThanOrEqual(0.85);
  });

  it('detects a drop of its printed minimum detectable effect about 80% of the time', () => {
    const { meanDetectable } = simulate({ seed: 'mde/null', distribution: 'beta-half', drop: 0 });
    const atDetectable = simulate({ seed: 'mde/drop', distribution: 'beta-half', drop: meanDetectable });
    console.log(`minimum detectable drop ${meanDetectable.toFixed(4)}: share failed ${atDetectable.failRate}`);
    expect(atDetectable.failRate).toBeGreaterThan(0.65);
    expect(atDetectable.failRate).toBeLessThan(0.95);
  });
});
