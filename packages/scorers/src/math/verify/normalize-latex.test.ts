import { describe, expect, it } from 'vitest';
import { extractBoxedContent } from './boxed-content.js';
import { normalizeLatex } from './normalize-latex.js';

describe('extractBoxedContent', () => {
  it('"all" joins every boxed answer; "last" keeps only nearby ones', () => {
    expect(extractBoxedContent('\\boxed{1} and \\boxed{2}', 'all')).toBe('1,2');
    expect(extractBoxedContent('\\boxed{1} and \\boxed{2}', 'last')).toBe('1,2');
    expect(extractBoxedContent('\\boxed{1} no no no no no \\boxed{2}', 'last')).toBe('2');
    expect(extractBoxedContent('so \\boxed{\\frac{1}{2}}.', 'last')).toBe('\\frac{1}{2}');
    expect(extractBoxedContent('\\boxed{12 $ and', 'last')).toBe('{12 $ and');
    expect(extractBoxedContent('no box', 'all')).toBe('no box');
  });
});

describe('normalizeLatex (latex2sympy2_extended normalize_latex)', () => {
  it('removes styling, \\left/\\right, dollars and units', () => {
    expect(normalizeLatex('\\left( \\frac{1}{3} \\right)')).toBe('( \\frac{1}{3} )');
    expect(normalizeLatex('\\frac{1}{3} \\textbf{meters}')).toBe('\\frac{1}{3}');
    expect(normalizeLatex('125\\textnormal{ miles}')).toBe('125');
    expect(normalizeLatex('15 cm')).toBe('15');
  });

  it('reads "and"/"or" and \\text{ and } as commas, percent words as %', () => {
    expect(normalizeLatex('19, 46, and 82')).toBe('19, 46, 82');
    expect(normalizeLatex('19, 46, \\text{ and } 82')).toBe('19, 46, 82');
    expect(normalizeLatex('28 percentage')).toBe('28%');
    expect(normalizeLatex('14{,}916')).toBe('14,916');
  });

  it('mends malformed operators as Hendrycks does', () => {
    expect(normalizeLatex('\\frac13')).toBe('\\frac{1}{3}');
    expect(normalizeLatex('\\sqrt3')).toBe('\\sqrt{3}');
    expect(normalizeLatex('\\dfrac{1}{3}')).toBe('\\frac{1}{3}');
    expect(normalizeLatex('10/9')).toBe('\\frac{10}{9}');
    expect(normalizeLatex('.5')).toBe('\\frac{1}{2}');
  });

  it('keeps upstream quirks: a trailing \\text{…} is dropped even when it is the answer\'s end', () => {
    expect(normalizeLatex('1 - \\frac{1}{\\mathrm{e}}')).toBe('1 - \\frac{1}{');
    expect(normalizeLatex('\\text{The midpoints form a regular hexagon}')).toBe('\\text{The midpoints form a regular hexagon}');
  });
});
