import { describe, expect, it } from 'vitest';
import { NumpyPcg64 } from './numpy-random.js';

// Expected values from NumPy 2.4.6 (pip, throwaway venv): `np.random.PCG64(seed).random_raw(4)` and
// `np.random.default_rng(seed).choice(n, size=12)`.
const NUMPY = {
  12345: {
    raw: ['4193609425186963869', '5843160025838961886', '14708796524633321433', '12474696839993944336'],
    choice: {
      1976: [1381, 449, 1558, 625, 403, 1575, 1269, 1336, 1953, 772, 1658, 657],
      7: [4, 1, 5, 2, 1, 5, 4, 4, 6, 2, 5, 2],
      2147483653: [1501552849, 488200391, 1693606514, 438466541, 1712329284, 839901365, 1802651557, 457721136, 401008610, 492064535, 1444732606, 1317426690],
    },
  },
  0: {
    raw: ['11749869230777074271', '4976686463289251617', '755828109848996024', '304881062738325533'],
    choice: {
      1976: [1680, 1258, 1010, 533, 608, 80, 148, 32, 346, 1607, 1283, 1803],
      7: [5, 4, 3, 1, 2, 0, 0, 0, 1, 5, 4, 6],
      2147483653: [1826701619, 1367864810, 661058653, 87989972, 161576974, 1302740411, 1357791202, 1752032170, 846428921, 1841261667, 72124473, 1033071482],
    },
  },
  1099511627779: {
    raw: ['14271435802380633900', '18370326226487632705', '8728610338774297736', '1196284118644200768'],
    choice: {
      1976: [1448, 1528, 878, 1967, 752, 935, 665, 128, 1553, 386, 234, 1117],
      7: [5, 5, 3, 6, 2, 3, 2, 0, 5, 1, 0, 3],
      2147483653: [1574454169, 954937762, 817419845, 1016143983, 723339937, 139265800, 1429464313, 1627990586, 1872374507, 332440727, 467261866, 63103126],
    },
  },
};

describe("numpy's default_rng", () => {
  it.each(Object.entries(NUMPY))('seed %s: PCG64 outputs and choice(n) draws', (seed, expected) => {
    const generator = new NumpyPcg64(Number(seed));
    const raw = Array.from({ length: 4 }, () => {
      const [low, high] = generator.next64();
      return (BigInt(high) * 2n ** 32n + BigInt(low)).toString();
    });
    expect(raw).toEqual(expected.raw);
    for (const [n, draws] of Object.entries(expected.choice)) {
      const choice = new NumpyPcg64(Number(seed));
      expect(Array.from({ length: 12 }, () => choice.below(Number(n)))).toEqual(draws);
    }
  });

  it('choice(1976, size=(1000, 1976)) ends as numpy ends it', () => {
    const generator = new NumpyPcg64(12345);
    const draws = Array.from({ length: 1000 * 1976 }, () => generator.below(1976));
    expect(draws.slice(-5)).toEqual([367, 1221, 398, 1311, 1506]);
  });

  it('choice(1) draws nothing', () => {
    const generator = new NumpyPcg64(12345);
    expect(generator.below(1)).toBe(0);
    expect(generator.below(1976)).toBe(1381);
  });
});
