import { fileURLToPath } from 'node:url';
import { planRun, prepareSuite } from '@ladder/runner';
import { createOracleModel } from '@ladder/models';
import { describe, expect, it } from 'vitest';
import { builtinSuites } from './catalog.js';
import { estimatePlan } from './dry-run.js';

const TED = fileURLToPath(new URL('../../../../shared/datasets/simul/simuleval_t2t_timestamps', import.meta.url));

describe('estimatePlan', () => {
  it("counts every call of a simultaneous session: one per policy step", async () => {
    const base = builtinSuites().find((suite) => suite.id === 'simul-ted-en-de');
    const prepared = await Promise.all(['wait-3', 'full'].map((policy) => prepareSuite(base!.withMode!(policy), { baseDir: '.', dataPath: TED, limit: 1 })));
    const plan = planRun({ suites: prepared, models: [{ id: 'builtin/oracle', model: createOracleModel(), concurrency: 1 }], seed: 0 });
    const estimate = estimatePlan(plan);
    // Sentence 1 has 9 words: wait-3 calls at 3, 4, ..., 9 words (7 calls); full calls once.
    expect(estimate.calls).toBe(8);
    expect(estimate.models[0]).toMatchObject({ id: 'builtin/oracle', calls: 8, outputTokens: 8 * 256, costUsd: 0 });
  });
});
