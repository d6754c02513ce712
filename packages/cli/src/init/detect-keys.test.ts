import { describe, expect, it } from 'vitest';
import { apiKeyVariables, detectApiKeys } from './detect-keys.js';
import { describeDetection } from './detection.js';
import { builtinModelIds } from './init-plan.js';

describe('detectApiKeys', () => {
  it('finds providers by the name of their key variable, never keeping the value', () => {
    const env = { DEEPSEEK_API_KEY: 'sk-planted-123', GOOGLE_API_KEY: 'g-planted-456', OPENAI_API_KEY: '   ', PATH: '/usr/bin' };
    const keys = detectApiKeys({ env });
    expect(keys).toEqual([
      { provider: 'google', label: 'Google Gemini', variable: 'GOOGLE_API_KEY' },
      { provider: 'deepseek', label: 'DeepSeek', variable: 'DEEPSEEK_API_KEY' },
    ]);
    const text = JSON.stringify(keys) + describeDetection({ keys, servers: [], suites: [], builtinModels: builtinModelIds() }, { probes: [] }).join('\n');
    expect(text).toContain('DEEPSEEK_API_KEY');
    expect(text).not.toContain('sk-planted-123');
    expect(text).not.toContain('g-planted-456');
  });

  it('takes the first variable of a preset that has several, as a run does', () => {
    expect(detectApiKeys({ env: { GEMINI_API_KEY: 'a', GOOGLE_API_KEY: 'b' } }).map((key) => key.variable)).toEqual(['GEMINI_API_KEY']);
  });

  it('skips local servers (their keys are optional) and finds nothing in an empty environment', () => {
    expect(detectApiKeys({ env: { VLLM_API_KEY: 'x' } })).toEqual([]);
    expect(detectApiKeys({ env: {} })).toEqual([]);
    expect(apiKeyVariables()).toContain('OPENAI_API_KEY');
    expect(apiKeyVariables()).not.toContain('VLLM_API_KEY');
  });
});
