import type { ProviderQuirks } from '../providers/presets.js';

/** Every quirk decided: what an OpenAI-compatible server gets when nothing says otherwise. */
export type ResolvedQuirks = Required<ProviderQuirks>;

/**
 * The generic OpenAI-compatible dialect (the presets' default too): reasoning in
 * `reasoning_content` or `reasoning`, `<think>` blocks at the start of the content, a usage
 * chunk on request, `max_tokens`, `seed`.
 */
export const DEFAULT_QUIRKS: ResolvedQuirks = Object.freeze({
  reasoningFields: ['reasoning_content', 'reasoning'],
  thinkTags: true,
  streamUsage: true,
  maxTokensField: 'max_tokens',
  seed: true,
});

export function resolveQuirks(quirks: ProviderQuirks | undefined): ResolvedQuirks {
  return { ...DEFAULT_QUIRKS, ...definedFields(quirks ?? {}) };
}

function definedFields<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
