"""Reference values for the gate's statistics, computed with SciPy.

Run: python3 scripts/reference-values.py > src/statistics/reference-values.json
(SciPy 1.17: scipy.stats.binom.sf, scipy.stats.binomtest(...).proportion_ci(method='exact'),
scipy.stats.norm.ppf.)
"""
import json
import scipy
from scipy import stats

tails = []
for x, n, p in [(0, 10, 0.5), (1, 10, 0.5), (7, 10, 0.5), (10, 10, 0.5), (12, 20, 0.5), (15, 20, 0.5),
                (20, 20, 0.5), (3, 5, 0.9), (40, 100, 0.3), (60, 100, 0.55), (510, 1000, 0.5),
                (180, 300, 0.52), (1, 1, 0.01), (5000, 10000, 0.49), (12, 1000, 0.003)]:
    tails.append({"x": x, "n": n, "p": p, "upperTail": float(stats.binom.sf(x - 1, n, p))})

mcnemar = []
for b, c in [(0, 0), (3, 0), (4, 0), (5, 0), (18, 0), (10, 4), (7, 7), (2, 9), (25, 10), (60, 40)]:
    n = b + c
    one_sided = float(stats.binomtest(b, n, 0.5, alternative='greater').pvalue) if n > 0 else 1.0
    mcnemar.append({"regressions": b, "improvements": c, "oneSidedP": one_sided})

clopper = []
for x, n, level in [(0, 10, 0.95), (3, 10, 0.95), (10, 10, 0.95), (7, 20, 0.9), (50, 100, 0.99), (1, 40, 0.9),
                    (333, 1000, 0.95), (18, 18, 0.9), (5, 30, 0.995)]:
    ci = stats.binomtest(x, n).proportion_ci(confidence_level=level, method='exact')
    clopper.append({"x": x, "n": n, "level": level, "low": float(ci.low), "high": float(ci.high)})

quantiles = [{"p": p, "z": float(stats.norm.ppf(p))} for p in
             [1e-10, 1e-6, 0.0005, 0.01, 0.025, 0.05, 0.2, 0.5, 0.8, 0.95, 0.975, 0.99, 0.9995, 1 - 1e-9]]

print(json.dumps({"source": f"SciPy {scipy.__version__}", "binomialUpperTail": tails, "mcnemarExactOneSided": mcnemar,
                  "clopperPearson": clopper, "normalQuantile": quantiles}, indent=1))
