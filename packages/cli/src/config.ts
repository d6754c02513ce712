import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError, type LadderConfig } from '@ladder/core';

export const CONFIG_NAMES = ['ladder.config.ts', 'ladder.config.mts', 'ladder.config.js', 'ladder.config.mjs'];

export interface LoadedConfig {
  config: LadderConfig;
  /** The config file, or null when there is none. */
  path: string | null;
  /** Relative paths in the config resolve against this folder. */
  baseDir: string;
}

/** Finds and loads `ladder.config.ts` (or `--config <file>`), with one-line errors naming the file and line. */
export async function loadConfig(options: { explicitPath?: string; cwd?: string }): Promise<LoadedConfig> {
  const cwd = options.cwd ?? process.cwd();
  let path: string | undefined;
  if (options.explicitPath !== undefined) {
    path = resolve(cwd, options.explicitPath);
    if (!existsSync(path)) throw new UsageError(`--config ${options.explicitPath}: no such file`);
  } else {
    path = CONFIG_NAMES.map((name) => resolve(cwd, name)).find((candidate) => existsSync(candidate));
  }
  if (path === undefined) return { config: {}, path: null, baseDir: cwd };

  let loaded: unknown;
  try {
    const { tsImport } = await import('tsx/esm/api');
    loaded = await tsImport(pathToFileURL(path).href, import.meta.url);
  } catch (error) {
    throw new UsageError(describeConfigError(path, error));
  }
  const config = unwrapDefault((loaded as { default?: unknown }).default);
  validateConfig(path, config);
  return { config, path, baseDir: dirname(path) };
}

/**
 * Outside an ESM package (no `"type": "module"` beside the config) tsx compiles the file to
 * CommonJS, and Node hands back `module.exports`, which holds the real default export.
 */
function unwrapDefault(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || !('default' in value)) return value;
  const keys = Object.keys(value).filter((key) => key !== '__esModule' && key !== 'module.exports');
  return keys.length === 1 && keys[0] === 'default' ? (value as { default: unknown }).default : value;
}

function describeConfigError(path: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // esbuild: "Transform failed with 1 error:\n/path/ladder.config.ts:3:10: ERROR: Expected ..."
  const located = message.split('\n').find((line) => line.includes(path) && /:\d+:\d+:/.test(line));
  if (located !== undefined) {
    return `${located.trim().replace(/ ERROR: /, ' ')}; fix the config file`;
  }
  const stackLine = error instanceof Error ? (error.stack ?? '').split('\n').find((line) => line.includes(path)) : undefined;
  const where = stackLine?.match(/:(\d+):(\d+)\)?$/);
  const location = where === null || where === undefined ? path : `${path}:${where[1]}`;
  const missingLadder = /Cannot find (module|package) '(@ladder\/[\w-]+)'/.exec(message);
  if (missingLadder !== null) {
    return `${location}: cannot import ${missingLadder[2]} from outside the Ladder checkout; put the config in the repository root (or pass --config FILE with it there), or drop the import and \`export default { suites: [...] }\` as a plain object`;
  }
  return `${location}: the config failed to load: ${message.split('\n')[0]}`;
}

function validateConfig(path: string, config: unknown): asserts config is LadderConfig {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new UsageError(`${path}: must \`export default defineConfig({ ... })\` (found ${config === undefined ? 'no default export' : typeof config})`);
  }
  const record = config as Record<string, unknown>;
  const known = ['suites', 'models', 'run', 'providers', 'prices'];
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) throw new UsageError(`${path}: unknown field "${key}"; a config has ${known.join(', ')}`);
  }
  if (record.suites !== undefined) {
    if (!Array.isArray(record.suites)) throw new UsageError(`${path}: "suites" must be a list of defineSuite({ ... })`);
    record.suites.forEach((suite: unknown, index: number) => {
      if (typeof suite !== 'object' || suite === null || typeof (suite as { id?: unknown }).id !== 'string') {
        throw new UsageError(`${path}: suites[${index}] needs an "id" (a string)`);
      }
    });
  }
  if (record.models !== undefined) {
    if (typeof record.models !== 'object' || record.models === null || Array.isArray(record.models)) {
      throw new UsageError(`${path}: "models" must map model ids to models, e.g. { 'my/model': createModel() }`);
    }
    for (const [id, model] of Object.entries(record.models)) {
      const isModel = typeof model === 'object' && model !== null && (model as { specificationVersion?: unknown }).specificationVersion === 'v1';
      if (!isModel && typeof model !== 'function') {
        throw new UsageError(`${path}: models["${id}"] must be a LanguageModelV1 (specificationVersion 'v1') or a function returning one`);
      }
      if (!id.includes('/')) throw new UsageError(`${path}: models["${id}"]: a model id is provider/name`);
    }
  }
  if (record.run !== undefined && (typeof record.run !== 'object' || record.run === null)) {
    throw new UsageError(`${path}: "run" must be an object of defaults for \`ladder run\``);
  }
  for (const [provider, settings] of entriesOf(path, record, 'providers')) validateProvider(path, provider, settings);
  for (const [model, price] of entriesOf(path, record, 'prices')) validatePrice(path, model, price);
}

function entriesOf(path: string, record: Record<string, unknown>, field: string): Array<[string, unknown]> {
  const value = record[field];
  if (value === undefined) return [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`${path}: "${field}" must be an object keyed by id`);
  return Object.entries(value);
}

const PROVIDER_FIELDS: Record<string, 'string' | 'number' | 'object'> = {
  protocol: 'string',
  baseURL: 'string',
  apiKeyEnv: 'string',
  concurrency: 'number',
  requestsPerMinute: 'number',
  tokensPerMinute: 'number',
  headers: 'object',
};

function validateProvider(path: string, provider: string, settings: unknown): void {
  const where = `${path}: providers.${provider}`;
  if (!/^[a-z0-9][\w.-]*$/i.test(provider)) throw new UsageError(`${where}: a provider id is letters, digits, '.', '_' or '-'`);
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) throw new UsageError(`${where} must be an object`);
  for (const [field, value] of Object.entries(settings)) {
    const kind = PROVIDER_FIELDS[field];
    if (kind === undefined) {
      const hint = field === 'apiKey' ? '; put the key in an environment variable and name it with apiKeyEnv' : `; known: ${Object.keys(PROVIDER_FIELDS).join(', ')}`;
      throw new UsageError(`${where}: unknown field "${field}"${hint}`);
    }
    if (typeof value !== kind || value === null) throw new UsageError(`${where}.${field} must be a ${kind}`);
    if (kind === 'number' && !((value as number) > 0)) throw new UsageError(`${where}.${field} must be above 0`);
  }
  const protocol = (settings as { protocol?: unknown }).protocol;
  if (protocol !== undefined && !['openai', 'anthropic', 'google'].includes(protocol as string)) {
    throw new UsageError(`${where}.protocol must be openai, anthropic or google`);
  }
}

function validatePrice(path: string, model: string, price: unknown): void {
  const where = `${path}: prices["${model}"]`;
  if (typeof price !== 'object' || price === null) throw new UsageError(`${where} must be { input, output, cachedInput? } in US dollars per million tokens`);
  for (const field of ['input', 'output', 'cachedInput']) {
    const value = (price as Record<string, unknown>)[field];
    if (value === undefined && field === 'cachedInput') continue;
    if (typeof value !== 'number' || !(value >= 0)) throw new UsageError(`${where}.${field} must be a number >= 0 (US dollars per million tokens)`);
  }
}
