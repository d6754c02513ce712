export { createOpenAICompatibleModel, type OpenAICompatibleModelOptions } from './create-model.js';
export { DEFAULT_QUIRKS, resolveQuirks, type ResolvedQuirks } from './quirks.js';
