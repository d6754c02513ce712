import { PROVIDER_PRESETS, type ProviderPreset } from './provider-presets.js';

/** A cloud provider whose API key is in the environment; only the variable's name is kept. */
export interface DetectedKey {
  provider: string;
  label: string;
  /** The environment variable that holds the key (never its value). */
  variable: string;
}

/**
 * Cloud providers (presets that are not local servers) with a non-empty key variable, in preset
 * order; for a preset with several variables the first one set wins, as at run time.
 */
export function detectApiKeys(options: { env: NodeJS.ProcessEnv; presets?: Record<string, ProviderPreset> }): DetectedKey[] {
  const found: DetectedKey[] = [];
  for (const preset of Object.values(options.presets ?? PROVIDER_PRESETS)) {
    if (preset.local === true) continue;
    const variable = preset.apiKeyEnv.find((name) => (options.env[name] ?? '').trim() !== '');
    if (variable !== undefined) found.push({ provider: preset.id, label: preset.label, variable });
  }
  return found;
}

/** Every key variable `ladder init` looks at, for help and "none found" lines. */
export function apiKeyVariables(presets: Record<string, ProviderPreset> = PROVIDER_PRESETS): string[] {
  return Object.values(presets)
    .filter((preset) => preset.local !== true)
    .flatMap((preset) => preset.apiKeyEnv);
}
