import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { binomialUpperTail, clopperPearsonBounds, logGamma, mcnemarExactOneSided } from './binomial.js';
import { holm } from './holm.js';
import { minimumDetectableDrop, minimumDetectableProportionDrop } from './minimum-detectable-effect.js';
import { normalQuantile } from './normal.js';

// Computed with SciPy by scripts/reference-values.py.
const reference = JSON.parse(readFileSync(new URL('./reference-values.json', import.meta.url), 'utf8')) as {
  binomialUpperTail: { x: number; n: number; p: number; upperTail: number }[];
  mcnemarExactOneSided: { regressions: number; improvements: number; oneSidedP: number }[];
  clopperPearson: { x: number; n: number; level: number; low: number; high: number }[];
  normalQuantile: { p: number; z: number }[];
};

function expectRelative(actual: number, expected: number, tolerance: number, label: string) {
  if (expected === 0) expect(Math.abs(actual), label).toBeLessThan(1e-300);
  else expect(Math.abs(actual - expected) / Math.abs(expected), `${label}: ${actual} vs ${expected}`).toBeLessThan(tolerance);
}

describe('exact binomial statistics', () => {
  it('logGamma matches factorials', () => {
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-14);
    expectRelative(Math.exp(logGamma(11)), 3628800, 1e-13, '10!');
    expectRelative(logGamma(1001), 5912.128178488163, 1e-13, 'ln 1000! (Python math.lgamma)');
  });

  it('binomial upper tails equal SciPy binom.sf', () => {
    for (const { x, n, p, upperTail } of reference.binomialUpperTail) expectRelative(binomialUpperTail(x, n, p), upperTail, 1e-9, `P(X>=${x}; ${n}, ${p})`);
  });

  it("McNemar's exact one-sided p equals SciPy binomtest(b, b+c, 0.5, 'greater')", () => {
    for (const { regressions, improvements, oneSidedP } of reference.mcnemarExactOneSided) {
      expectRelative(mcnemarExactOneSided(regressions, improvements), oneSidedP, 1e-9, `b=${regressions} c=${improvements}`);
    }
  });

  it('Clopper–Pearson bounds equal SciPy proportion_ci(method="exact")', () => {
    for (const { x, n, level, low, high } of reference.clopperPearson) {
      const bounds = clopperPearsonBounds(x, n, (1 - level) / 2);
      expect(Math.abs(bounds.low - low), `${x}/${n} low`).toBeLessThan(1e-9);
      expect(Math.abs(bounds.high - high), `${x}/${n} high`).toBeLessThan(1e-9);
    }
  });

  it('normal quantiles equal SciPy norm.ppf', () => {
    for (const { p, z } of reference.normalQuantile) expectRelative(normalQuantile(p), z, 2e-9, `ppf(${p})`);
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
  });
});

describe('Holm step-down', () => {
  it('adjusts and rejects as statsmodels multipletests(method="holm") does', () => {
    const decisions = holm([0.01, 0.04, 0.03, 0.005], 0.05);
    expect(decisions.map((decision) => decision.adjustedP)).toEqual([0.03, 0.06, 0.06, 0.02].map((value) => expect.closeTo(value, 12)));
    expect(decisions.map((decision) => decision.rejected)).toEqual([true, false, false, true]);
    expect(decisions.map((decision) => decision.rank)).toEqual([2, 4, 3, 1]);
  });

  it('gives each hypothesis the level it was tested at, and the stopping level to the rest', () => {
    const decisions = holm([0.01, 0.04, 0.03, 0.005], 0.05);
    expect(decisions.map((decision) => decision.level)).toEqual([0.05 / 3, 0.05 / 2, 0.05 / 2, 0.05 / 4].map((value) => expect.closeTo(value, 15)));
    for (const decision of decisions) expect(decision.rejected).toBe(decision.adjustedP <= 0.05);
    // Alone, a hypothesis is tested at alpha itself.
    expect(holm([0.2], 0.05)).toEqual([{ adjustedP: 0.2, rejected: false, rank: 1, level: 0.05 }]);
  });

  it('a p-value below its own step but after a stop is not rejected, and its level keeps the interval consistent', () => {
    // Sorted: 0.026 > 0.05/2 stops at rank 1; 0.03 <= 0.05/1 but is not reached.
    const decisions = holm([0.03, 0.026], 0.05);
    expect(decisions.map((decision) => decision.rejected)).toEqual([false, false]);
    expect(decisions.map((decision) => decision.level)).toEqual([0.025, 0.025]);
    expect(decisions[0]?.adjustedP).toBeCloseTo(0.052, 12);
  });
});

describe('minimum detectable effect', () => {
  it('is margin + (z(1-a) + z(0.8))·SE', () => {
    expect(minimumDetectableDrop({ margin: 0.02, tail: 0.05, standardError: 0.01 })).toBeCloseTo(0.02 + (1.6448536269514722 + 0.8416212335729143) * 0.01, 9);
  });

  it('for proportions solves δ = margin + Z·sqrt(max(ψ, δ)/n)', () => {
    const z = 1.6448536269514722 + 0.8416212335729143;
    const observed = minimumDetectableProportionDrop({ margin: 0.02, tail: 0.05, discordance: 0.3, pairs: 500 });
    expect(observed).toBeCloseTo(0.02 + z * Math.sqrt(0.3 / 500), 9);
    // No discordance observed: the drop's own discordance sets the noise.
    const identical = minimumDetectableProportionDrop({ margin: 0.02, tail: 0.05, discordance: 0, pairs: 40 });
    expect(identical).toBeCloseTo(0.02 + z * Math.sqrt(identical / 40), 9);
    // The README's example: a lone suite of 40 identical items.
    expect(identical).toBeCloseTo(0.1925, 4);
  });
});
