/**
 * What Ladder knows about each provider: the wire protocol, the default base URL, the
 * environment variables of the key and of a base-URL override, and the quirks of its
 * OpenAI-compatible dialect. Any field can be overridden in `ladder.config.ts`
 * (`providers: { deepseek: { baseURL: ... } }`).
 */
export interface ProviderPreset {
  id: string;
  label: string;
  protocol: 'openai' | 'anthropic' | 'google';
  baseURL: string;
  /** Environment variable(s) holding the API key, first found wins; [] for keyless local servers. */
  apiKeyEnv: string[];
  /** Environment variable that overrides the base URL. */
  baseURLEnv?: string;
  /** A local server (no key needed; `ladder init` probes its port). */
  local?: boolean;
  /** Requests at once per model when the user does not say. */
  defaultConcurrency: number;
  quirks: ProviderQuirks;
}

export interface ProviderQuirks {
  /** Streamed reasoning arrives in `delta.reasoning_content` (DeepSeek, Qwen, GLM, Kimi, Doubao) or `delta.reasoning` (vLLM, Ollama, OpenRouter). */
  reasoningFields?: string[];
  /** Reasoning may arrive inline as `<think>...</think>` at the start of the content. */
  thinkTags?: boolean;
  /** Accepts `stream_options: { include_usage: true }` (a final chunk with usage). */
  streamUsage?: boolean;
  /** Name of the output-token limit field. */
  maxTokensField?: 'max_tokens' | 'max_completion_tokens';
  /** Accepts `seed`. */
  seed?: boolean;
}

const OPENAI_DIALECT: ProviderQuirks = { reasoningFields: ['reasoning_content', 'reasoning'], thinkTags: true, streamUsage: true, maxTokensField: 'max_tokens', seed: true };

function preset(fields: Omit<ProviderPreset, 'quirks' | 'defaultConcurrency'> & { quirks?: ProviderQuirks; defaultConcurrency?: number }): ProviderPreset {
  return { defaultConcurrency: fields.local === true ? 4 : 8, ...fields, quirks: { ...OPENAI_DIALECT, ...fields.quirks } };
}

export const PROVIDER_PRESETS: Record<string, ProviderPreset> = {
  openai: preset({ id: 'openai', label: 'OpenAI', protocol: 'openai', baseURL: 'https://api.openai.com/v1', apiKeyEnv: ['OPENAI_API_KEY'], baseURLEnv: 'OPENAI_BASE_URL', quirks: { maxTokensField: 'max_completion_tokens', thinkTags: false } }),
  anthropic: preset({ id: 'anthropic', label: 'Anthropic', protocol: 'anthropic', baseURL: 'https://api.anthropic.com', apiKeyEnv: ['ANTHROPIC_API_KEY'], baseURLEnv: 'ANTHROPIC_BASE_URL' }),
  google: preset({ id: 'google', label: 'Google Gemini', protocol: 'google', baseURL: 'https://generativelanguage.googleapis.com', apiKeyEnv: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'], baseURLEnv: 'GEMINI_BASE_URL' }),
  deepseek: preset({ id: 'deepseek', label: 'DeepSeek', protocol: 'openai', baseURL: 'https://api.deepseek.com/v1', apiKeyEnv: ['DEEPSEEK_API_KEY'], baseURLEnv: 'DEEPSEEK_BASE_URL' }),
  qwen: preset({ id: 'qwen', label: 'Alibaba Qwen (DashScope)', protocol: 'openai', baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1', apiKeyEnv: ['DASHSCOPE_API_KEY'], baseURLEnv: 'DASHSCOPE_BASE_URL' }),
  moonshot: preset({ id: 'moonshot', label: 'Moonshot Kimi', protocol: 'openai', baseURL: 'https://api.moonshot.cn/v1', apiKeyEnv: ['MOONSHOT_API_KEY'], baseURLEnv: 'MOONSHOT_BASE_URL' }),
  zhipu: preset({ id: 'zhipu', label: 'Zhipu GLM', protocol: 'openai', baseURL: 'https://open.bigmodel.cn/api/paas/v4', apiKeyEnv: ['ZHIPUAI_API_KEY', 'ZHIPU_API_KEY'], baseURLEnv: 'ZHIPU_BASE_URL', quirks: { seed: false } }),
  doubao: preset({ id: 'doubao', label: 'ByteDance Doubao (Volcengine Ark)', protocol: 'openai', baseURL: 'https://ark.cn-beijing.volces.com/api/v3', apiKeyEnv: ['ARK_API_KEY'], baseURLEnv: 'ARK_BASE_URL' }),
  spark: preset({ id: 'spark', label: 'iFlytek Spark', protocol: 'openai', baseURL: 'https://spark-api-open.xf-yun.com/v1', apiKeyEnv: ['SPARK_API_PASSWORD', 'SPARK_API_KEY'], baseURLEnv: 'SPARK_BASE_URL', quirks: { streamUsage: false, seed: false } }),
  mistral: preset({ id: 'mistral', label: 'Mistral', protocol: 'openai', baseURL: 'https://api.mistral.ai/v1', apiKeyEnv: ['MISTRAL_API_KEY'], baseURLEnv: 'MISTRAL_BASE_URL', quirks: { streamUsage: false, seed: false } }),
  yi: preset({ id: 'yi', label: '01.AI Yi', protocol: 'openai', baseURL: 'https://api.lingyiwanwu.com/v1', apiKeyEnv: ['YI_API_KEY'], baseURLEnv: 'YI_BASE_URL', quirks: { seed: false } }),
  ernie: preset({ id: 'ernie', label: 'Baidu ERNIE (Qianfan)', protocol: 'openai', baseURL: 'https://qianfan.baidubce.com/v2', apiKeyEnv: ['QIANFAN_API_KEY'], baseURLEnv: 'QIANFAN_BASE_URL', quirks: { seed: false } }),
  minimax: preset({ id: 'minimax', label: 'MiniMax', protocol: 'openai', baseURL: 'https://api.minimax.io/v1', apiKeyEnv: ['MINIMAX_API_KEY'], baseURLEnv: 'MINIMAX_BASE_URL', quirks: { seed: false } }),
  vllm: preset({ id: 'vllm', label: 'vLLM server', protocol: 'openai', baseURL: 'http://127.0.0.1:8000/v1', apiKeyEnv: ['VLLM_API_KEY'], baseURLEnv: 'VLLM_BASE_URL', local: true }),
  sglang: preset({ id: 'sglang', label: 'SGLang server', protocol: 'openai', baseURL: 'http://127.0.0.1:30000/v1', apiKeyEnv: ['SGLANG_API_KEY'], baseURLEnv: 'SGLANG_BASE_URL', local: true }),
  ollama: preset({ id: 'ollama', label: 'Ollama', protocol: 'openai', baseURL: 'http://127.0.0.1:11434/v1', apiKeyEnv: [], baseURLEnv: 'OLLAMA_BASE_URL', local: true }),
  llamacpp: preset({ id: 'llamacpp', label: 'llama.cpp server', protocol: 'openai', baseURL: 'http://127.0.0.1:8080/v1', apiKeyEnv: ['LLAMACPP_API_KEY'], baseURLEnv: 'LLAMACPP_BASE_URL', local: true }),
};
