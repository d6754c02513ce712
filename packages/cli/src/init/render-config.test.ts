import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import type { InitChoices } from './init-plan.js';
import { renderConfig } from './render-config.js';
import { insideLadderCheckout, writeConfigFile } from './write-config.js';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const folders: string[] = [];
const repositoryTmp = join(REPO_ROOT, 'tmp');
const repositoryTmpExisted = existsSync(repositoryTmp);

/** A folder outside the checkout (os tmp) or inside it (the repository's gitignored /tmp/). */
function folder(inside: boolean): string {
  const parent = inside ? repositoryTmp : tmpdir();
  mkdirSync(parent, { recursive: true });
  const path = mkdtempSync(join(parent, 'ladder-init-'));
  folders.push(path);
  return path;
}

afterAll(() => {
  for (const path of folders) rmSync(path, { recursive: true, force: true });
  if (!repositoryTmpExisted && existsSync(repositoryTmp) && readdirSync(repositoryTmp).length === 0) rmSync(repositoryTmp, { recursive: true });
});

const detection = {
  keys: [{ provider: 'deepseek', label: 'DeepSeek', variable: 'DEEPSEEK_API_KEY' }],
  servers: [{ provider: 'vllm', label: 'vLLM server', baseURL: 'http://127.0.0.1:8001/v1', customBaseURL: true, models: ['Qwen/Qwen2.5-0.5B-Instruct'] }],
};

const choices: InitChoices = {
  suites: ['demo-math', 'demo-code'],
  models: ['builtin/oracle', 'deepseek/deepseek-chat', 'vllm/Qwen/Qwen2.5-0.5B-Instruct', 'anthropic/claude-sonnet-4-5'],
  concurrency: 3,
  runOut: 'reports/first',
  providers: { vllm: { baseURL: 'http://127.0.0.1:8001/v1' } },
};

describe('renderConfig', () => {
  it('round-trips through loadConfig as a plain object outside the checkout', async () => {
    const directory = folder(false);
    expect(insideLadderCheckout(directory)).toBe(false);
    const text = renderConfig({ choices, detection, useDefineConfig: false });
    expect(text).not.toContain('@ladder/core');
    const path = join(directory, 'ladder.config.ts');
    await writeConfigFile({ path, text, force: false });
    const { config } = await loadConfig({ explicitPath: path });
    expect(config).toEqual({
      providers: { vllm: { baseURL: 'http://127.0.0.1:8001/v1' } },
      run: { suites: choices.suites, models: choices.models, concurrency: 3, out: 'reports/first' },
    });
    expect(readdirSync(directory)).toEqual(['ladder.config.ts']);
  });

  it('imports defineConfig inside the checkout, and that loads too', async () => {
    const directory = folder(true);
    expect(insideLadderCheckout(directory)).toBe(true);
    const text = renderConfig({ choices: { ...choices, providers: {} }, detection, useDefineConfig: true });
    expect(text).toContain("import { defineConfig } from '@ladder/core';");
    const path = join(directory, 'ladder.config.ts');
    await writeConfigFile({ path, text, force: false });
    const { config } = await loadConfig({ explicitPath: path });
    expect(config.run?.models).toEqual(choices.models);
    expect(config.providers).toBeUndefined();
  });

  it('names key variables in comments only, and says which variable a model still needs', () => {
    const text = renderConfig({ choices, detection, useDefineConfig: false });
    expect(text).toMatch(/^\/\/ {3}deepseek {3}DEEPSEEK_API_KEY$/m);
    expect(text).toContain("'deepseek/deepseek-chat', // key: DEEPSEEK_API_KEY");
    expect(text).toContain("'anthropic/claude-sonnet-4-5', // needs ANTHROPIC_API_KEY (not set now)");
    expect(text).not.toMatch(/apiKey\s*:/);
  });

  it('leaves out what was not chosen (each model its own concurrency, a new run directory per run)', async () => {
    const text = renderConfig({ choices: { suites: ['demo-math'], models: ['builtin/echo'], providers: {} }, detection: { keys: [], servers: [] }, useDefineConfig: false });
    const path = join(folder(false), 'ladder.config.ts');
    await writeConfigFile({ path, text, force: false });
    expect((await loadConfig({ explicitPath: path })).config).toEqual({ run: { suites: ['demo-math'], models: ['builtin/echo'] } });
  });

  it('quotes ids a server reports, however odd, so they load as written', async () => {
    const odd = "vllm/it's \\ a `model` ${x} */ //";
    const text = renderConfig({ choices: { suites: ['demo-math'], models: [odd], providers: {} }, detection: { keys: [], servers: [] }, useDefineConfig: false });
    const path = join(folder(false), 'ladder.config.ts');
    await writeConfigFile({ path, text, force: false });
    expect((await loadConfig({ explicitPath: path })).config.run?.models).toEqual([odd]);
  });
});

describe('writeConfigFile', () => {
  it('refuses an existing file without force and overwrites it with force', async () => {
    const path = join(folder(false), 'ladder.config.ts');
    writeFileSync(path, 'export default {};\n');
    const text = renderConfig({ choices: { suites: ['demo-math'], models: ['builtin/oracle'], providers: {} }, detection: { keys: [], servers: [] }, useDefineConfig: false });
    await expect(writeConfigFile({ path, text, force: false })).rejects.toThrow(/already exists; add --force to overwrite it/);
    expect(readFileSync(path, 'utf8')).toBe('export default {};\n');
    await writeConfigFile({ path, text, force: true });
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('writes nothing when the text does not load', async () => {
    const directory = folder(false);
    const path = join(directory, 'ladder.config.ts');
    await expect(writeConfigFile({ path, text: 'export default { wrong: 1 };\n', force: false })).rejects.toThrow(/does not load/);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(directory)).toEqual([]);
  });
});
