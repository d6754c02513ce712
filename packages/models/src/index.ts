export { createOracleModel, createRandomModel, createEchoModel, builtinModels } from './builtin/builtin-models.js';
export { resolveModel, KNOWN_PROVIDERS, type ResolveModelOptions } from './resolve-model.js';
