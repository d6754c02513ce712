import { describe, expect, it } from 'vitest';
import { sampleAnchor, sampleHref, samplePagePath, siteSlug } from './site-paths.js';

describe('site paths', () => {
  it('turns ids into file names without collisions', () => {
    expect(siteSlug('openai/gpt-4o')).toBe('openai_2fgpt-4o');
    expect(siteSlug('a b')).not.toBe(siteSlug('a_20b'));
    expect(siteSlug('..')).toBe('_..');
    expect(siteSlug('数学')).toBe('_6570_5b66');
    expect(samplePagePath('demo-math', 'builtin/oracle')).toBe('samples/demo-math/builtin_2foracle.html');
  });

  it('links to one sample x repeat from a root URL or a relative root', () => {
    expect(sampleAnchor('q#rot1', 2)).toBe('s-q_23rot1-r2');
    expect(sampleHref('https://example.org/board', 's', 'm/x', 'q1', 0)).toBe('https://example.org/board/samples/s/m_2fx.html#s-q1-r0');
    expect(sampleHref('', 's', 'm/x', 'q1', 0)).toBe('samples/s/m_2fx.html#s-q1-r0');
  });
});
