import { UsageError } from '@ladder/core';
import { describe, expect, it } from 'vitest';
import { builtinSuites, pickSuites } from './catalog.js';

const catalog = new Map(builtinSuites().map((suite) => [suite.id, suite]));
const ids = (suites: { id: string }[]) => suites.map((suite) => suite.id);

describe('pickSuites', () => {
  it('runs a simultaneous suite under its default policies, the policies given, or the one in its id', () => {
    expect(ids(pickSuites(catalog, ['simul-zh-en']))).toEqual(['wait-1', 'wait-3', 'wait-5', 'lag-2s', 'lag-4s', 'lag-8s', 'full'].map((policy) => `simul-zh-en@${policy}`));
    expect(ids(pickSuites(catalog, ['simul-zh-en', 'demo-math'], { modes: ['wait-2', 'lag-1.5s'] }))).toEqual(['simul-zh-en@wait-2', 'simul-zh-en@lag-1.5s', 'demo-math']);
    expect(ids(pickSuites(catalog, ['simul-en-zh@lag-8s']))).toEqual(['simul-en-zh@lag-8s']);
  });

  it('refuses a bad policy, a policy for a suite without any, and the same policy twice, in one line', () => {
    expect(() => pickSuites(catalog, ['simul-zh-en'], { modes: ['wait-0'] })).toThrow('--simul-policy wait-0: simultaneous policy "wait-0": expected');
    expect(() => pickSuites(catalog, ['demo-math@wait-3'])).toThrow('--suite demo-math@wait-3: demo-math has no modes');
    expect(() => pickSuites(catalog, ['demo-math'], { modes: ['wait-3'] })).toThrow(UsageError);
    expect(() => pickSuites(catalog, ['simul-zh-en@wait-3', 'simul-zh-en'])).toThrow('suite "simul-zh-en@wait-3" is given twice');
    expect(() => pickSuites(catalog, ['simul-xx@wait-3'])).toThrow('--suite simul-xx: unknown suite');
  });
});
