export { createAnthropicModel, type AnthropicModelOptions } from './create-model.js';
export { DEFAULT_MAX_TOKENS } from './convert-request.js';
