import { PROVIDER_PRESETS, type ProviderPreset } from './provider-presets.js';

/** Where to look for one local server. Tests pass their own list (a server on port 0). */
export interface LocalProbe {
  provider: string;
  label: string;
  /** OpenAI-style base URL; `${baseURL}/models` is asked. */
  baseURL: string;
  /** The preset's own base URL: a server found anywhere else is written to `providers`. */
  defaultBaseURL: string;
  /** A second model list in the server's own format (Ollama's `/api/tags`). */
  tagsURL?: string;
  /** Key variables; when one is set its value goes (to this server only) as a bearer token. */
  apiKeyEnv?: string[];
}

export interface DetectedServer {
  provider: string;
  label: string;
  baseURL: string;
  /** True when the server is not at the preset's default URL (so the config must say where). */
  customBaseURL: boolean;
  /** Model ids as they go after `<provider>/`. */
  models: string[];
  /** Why the model list is missing although the server answered, e.g. a 401. */
  problem?: string;
}

export const PROBE_TIMEOUT_MS = 2000;

/** One probe per local preset, at `<PRESET>_BASE_URL` when that is set and at the preset's URL otherwise. */
export function localProbes(options: { env: NodeJS.ProcessEnv; presets?: Record<string, ProviderPreset> }): LocalProbe[] {
  return Object.values(options.presets ?? PROVIDER_PRESETS)
    .filter((preset) => preset.local === true)
    .map((preset) => {
      const override = preset.baseURLEnv === undefined ? undefined : options.env[preset.baseURLEnv]?.trim();
      const baseURL = trimSlash(override !== undefined && override !== '' ? override : preset.baseURL);
      return {
        provider: preset.id,
        label: preset.label,
        baseURL,
        defaultBaseURL: trimSlash(preset.baseURL),
        ...(preset.id === 'ollama' ? { tagsURL: tagsURL(baseURL) } : {}),
        apiKeyEnv: preset.apiKeyEnv,
      };
    });
}

/**
 * Asks every probe at once, each request bounded by `timeoutMs`; a port where nothing listens
 * fails at once, a silent one after the timeout. Servers that answer, in probe order.
 */
export async function detectLocalServers(options: { probes: LocalProbe[]; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<DetectedServer[]> {
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  const results = await Promise.all(options.probes.map((probe) => probeServer(probe, { env: options.env ?? {}, timeoutMs })));
  return results.filter((server): server is DetectedServer => server !== undefined);
}

async function probeServer(probe: LocalProbe, options: { env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<DetectedServer | undefined> {
  const key = probe.apiKeyEnv?.map((name) => options.env[name]?.trim()).find((value) => value !== undefined && value !== '');
  const headers: Record<string, string> = { accept: 'application/json', ...(key === undefined ? {} : { authorization: `Bearer ${key}` }) };
  const [models, tags] = await Promise.all([
    getJson(`${probe.baseURL}/models`, { headers, timeoutMs: options.timeoutMs }),
    probe.tagsURL === undefined ? Promise.resolve(undefined) : getJson(probe.tagsURL, { headers, timeoutMs: options.timeoutMs }),
  ]);
  if (models === undefined && tags === undefined) return undefined;
  const ids = [...modelIdsOf(models?.body), ...modelIdsOf(tags?.body)].map((id) => (probe.provider === 'llamacpp' ? fileName(id) : id));
  const problem = [models, tags].find((answer) => answer !== undefined && !answer.ok);
  return {
    provider: probe.provider,
    label: probe.label,
    baseURL: probe.baseURL,
    customBaseURL: probe.baseURL !== probe.defaultBaseURL,
    models: [...new Set(ids)],
    ...(ids.length === 0 && problem !== undefined ? { problem: `answered HTTP ${problem.status}${problem.status === 401 || problem.status === 403 ? ' (needs a key)' : ''}` } : {}),
  };
}

/** A GET that never throws: undefined when nothing answered in time. */
async function getJson(url: string, options: { headers: Record<string, string>; timeoutMs: number }): Promise<{ ok: boolean; status: number; body: unknown } | undefined> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const response = await fetch(url, { headers: options.headers, signal, redirect: 'error' });
    let body: unknown;
    try {
      body = response.ok ? await response.json() : await response.body?.cancel();
    } catch {
      body = undefined;
    }
    return { ok: response.ok, status: response.status, body };
  } catch {
    return undefined;
  }
}

/** OpenAI's `{ data: [{ id }] }`, llama.cpp's extra `{ models: [{ name | model }] }`, Ollama's `{ models: [{ name }] }`. */
export function modelIdsOf(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const ids: string[] = [];
  const { data, models } = body as { data?: unknown; models?: unknown };
  for (const entry of Array.isArray(data) ? data : []) {
    const id = (entry as { id?: unknown } | null)?.id;
    if (typeof id === 'string') ids.push(id);
  }
  if (ids.length === 0) {
    for (const entry of Array.isArray(models) ? models : []) {
      const record = (entry ?? {}) as { name?: unknown; model?: unknown };
      const id = typeof record.name === 'string' ? record.name : record.model;
      if (typeof id === 'string') ids.push(id);
    }
  }
  // Ids end up in a config file and on the screen: one line each, no control characters.
  return ids.map((id) => id.replace(/[\u0000-\u001f\u007f]/g, '').trim()).filter((id) => id !== '');
}

function tagsURL(baseURL: string): string | undefined {
  try {
    return new URL('/api/tags', baseURL).href;
  } catch {
    return undefined;
  }
}

/** llama.cpp reports the model's path; `llamacpp/<file name>` reads better and the server serves one model anyway. */
function fileName(id: string): string {
  return id.split(/[\\/]/).filter((part) => part !== '').at(-1) ?? id;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
