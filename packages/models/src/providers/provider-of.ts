import { UsageError, type ProviderConfig } from '@ladder/core';
import { DEFAULT_QUIRKS } from '../openai/quirks.js';
import { PROVIDER_PRESETS, type ProviderPreset, type ProviderQuirks } from './presets.js';

/** Environment variables, as `process.env` holds them. */
export type Environment = Record<string, string | undefined>;

/** A provider as a run uses it: its preset with the config's overrides and the environment applied. */
export interface EffectiveProvider {
  id: string;
  label: string;
  protocol: 'openai' | 'anthropic' | 'google';
  /** Where requests go: the config's baseURL, else the preset's base-URL variable, else the preset's default. */
  baseURL: string;
  /** Which of the three gave `baseURL`. */
  baseURLFrom: 'config' | 'env' | 'preset';
  /** The variable(s) holding the API key, first set wins; [] when none is needed. */
  apiKeyEnv: string[];
  /** The environment variable that overrides the base URL, if any. */
  baseURLEnv: string | undefined;
  /** A local server: works without a key. */
  local: boolean;
  /** Requests at once per model (config `concurrency`, else the preset's default). */
  concurrency: number;
  requestsPerMinute: number | undefined;
  tokensPerMinute: number | undefined;
  headers: Record<string, string> | undefined;
  quirks: ProviderQuirks;
  /** Defined in the config only (no preset). */
  custom: boolean;
}

/** Sent to local servers that want no key: the SDKs refuse an empty one. */
export const PLACEHOLDER_API_KEY = 'ladder-no-key';

/**
 * The effective provider of a provider id (`deepseek`) or model id (`deepseek/deepseek-chat`):
 * the preset, overridden field by field by `providers[id]` from ladder.config.ts, or a provider
 * the config defines. Undefined for ids that are neither (`builtin`, `gguf`, unknown ones).
 * A config entry for a new provider without `protocol` or `baseURL` is a UsageError.
 */
export function providerOf(id: string, providers: Record<string, ProviderConfig> = {}, env: Environment = process.env): EffectiveProvider | undefined {
  const slash = id.indexOf('/');
  const providerId = slash === -1 ? id : id.slice(0, slash);
  const preset: ProviderPreset | undefined = Object.hasOwn(PROVIDER_PRESETS, providerId) ? PROVIDER_PRESETS[providerId] : undefined;
  const config: ProviderConfig | undefined = Object.hasOwn(providers, providerId) ? providers[providerId] : undefined;
  if (preset === undefined && config === undefined) return undefined;

  if (preset === undefined) {
    const where = `ladder.config.ts providers.${providerId}`;
    if (config?.protocol === undefined) throw new UsageError(`${where}: a new provider needs protocol: 'openai' (or 'anthropic', 'google')`);
    if (config.baseURL === undefined || config.baseURL === '') throw new UsageError(`${where}: a new provider needs baseURL (e.g. 'http://127.0.0.1:8000/v1')`);
  }
  const baseURLEnv = preset?.baseURLEnv;
  const fromEnv = baseURLEnv === undefined ? undefined : nonEmpty(env[baseURLEnv]);
  const configured = nonEmpty(config?.baseURL);
  const baseURL = configured ?? fromEnv ?? preset?.baseURL ?? '';
  return {
    id: providerId,
    label: preset?.label ?? providerId,
    protocol: config?.protocol ?? preset?.protocol ?? 'openai',
    baseURL,
    baseURLFrom: configured !== undefined ? 'config' : fromEnv !== undefined ? 'env' : 'preset',
    apiKeyEnv: config?.apiKeyEnv !== undefined ? [config.apiKeyEnv] : [...(preset?.apiKeyEnv ?? [])],
    baseURLEnv,
    local: preset?.local === true,
    concurrency: config?.concurrency ?? preset?.defaultConcurrency ?? 8,
    requestsPerMinute: config?.requestsPerMinute,
    tokensPerMinute: config?.tokensPerMinute,
    headers: config?.headers,
    quirks: preset?.quirks ?? DEFAULT_QUIRKS,
    custom: preset === undefined,
  };
}

/**
 * The API key of a provider: the first set variable of `apiKeyEnv`. Local servers and custom
 * providers without `apiKeyEnv` get a placeholder when none is set; a cloud provider without
 * its key is a UsageError naming the variable(s) to set.
 */
export function apiKeyOf(provider: EffectiveProvider, options: { modelId: string; env: Environment }): string {
  for (const name of provider.apiKeyEnv) {
    const value = nonEmpty(options.env[name]);
    if (value !== undefined) return value;
  }
  if (provider.local || provider.apiKeyEnv.length === 0) return PLACEHOLDER_API_KEY;
  const variables = provider.apiKeyEnv.join(' or ');
  throw new UsageError(
    `--model ${options.modelId}: set ${variables} (the ${provider.label} API key), or name another variable with providers.${provider.id}.apiKeyEnv in ladder.config.ts`,
  );
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
