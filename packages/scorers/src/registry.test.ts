import { describe, expect, it } from 'vitest';
import { builtinScorers, resolveScorer } from './registry.js';

describe('the scorer registry', () => {
  it('creates every built-in scorer under its own name', () => {
    for (const name of Object.keys(builtinScorers)) expect(resolveScorer(name).name).toBe(name);
  });

  it('names the known scorers when one is unknown', () => {
    expect(() => resolveScorer('exactt')).toThrow(/unknown scorer "exactt"; known: exact, number, choice/);
  });
});
