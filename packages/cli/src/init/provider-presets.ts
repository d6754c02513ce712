import { KNOWN_PROVIDERS, PROVIDER_PRESETS, type ProviderPreset } from '@ladder/models';

export { PROVIDER_PRESETS, type ProviderPreset };

/** A model to start with per cloud provider: cheap, current, and listed by the provider. */
export const DEFAULT_CLOUD_MODELS: Record<string, string> = {
  openai: 'gpt-4o-mini',
  anthropic: 'claude-sonnet-4-5',
  google: 'gemini-2.5-flash',
  deepseek: 'deepseek-chat',
  qwen: 'qwen-plus',
  moonshot: 'kimi-k2-0905-preview',
  zhipu: 'glm-4.5',
  doubao: 'doubao-seed-1-6-250615',
  spark: '4.0Ultra',
  mistral: 'mistral-small-latest',
  yi: 'yi-lightning',
  ernie: 'ernie-4.5-turbo-128k',
  minimax: 'MiniMax-M1',
};

/** Provider ids a `--model provider/name` may use: the runner's own plus every preset. */
export function knownProviderIds(presets: Record<string, ProviderPreset> = PROVIDER_PRESETS): string[] {
  return [...new Set<string>([...KNOWN_PROVIDERS, ...Object.keys(presets)])];
}

