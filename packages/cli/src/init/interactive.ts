import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import * as clack from '@clack/prompts';
import { parseModelId } from '@ladder/core';
import { builtinModels } from '@ladder/models';
import { detectLocalServers, type DetectedServer, type LocalProbe } from './detect-servers.js';
import { describeDetection, detect } from './detection.js';
import { checkChoices, defaultCloudModel, defaultModels, defaultSuites, providerOverrides, serverModelIds, type Detection, type InitChoices } from './init-plan.js';
import { nextCommand } from './next-command.js';
import { PROVIDER_PRESETS } from './provider-presets.js';
import { renderConfig } from './render-config.js';
import { insideLadderCheckout, writeConfigFile } from './write-config.js';

export interface InteractiveOptions {
  /** The config file, absolute, and as the user gave it. */
  path: string;
  out: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  probes: LocalProbe[];
  /** Flags given on the command line: answers already given, or the prompts' starting values. */
  flags: { suites: string[]; models: string[]; concurrency: number | undefined; runOut: string | undefined; force: boolean };
}

/** Thrown by `answer` on Ctrl-C or Escape. */
class Cancelled extends Error {}

function answer<T>(value: T): Exclude<T, symbol> {
  if (clack.isCancel(value)) throw new Cancelled();
  return value as Exclude<T, symbol>;
}

/** The @clack/prompts flow; returns the exit code (130 when cancelled, with nothing written). */
export async function interactiveInit(options: InteractiveOptions): Promise<number> {
  try {
    return await ask(options);
  } catch (error) {
    if (error instanceof Cancelled) {
      clack.cancel('Cancelled; nothing was written.');
      return 130;
    }
    throw error;
  }
}

async function ask(options: InteractiveOptions): Promise<number> {
  const { flags } = options;
  clack.intro('ladder init');

  const spin = clack.spinner();
  spin.start('Looking for API keys and local servers');
  const detection = await detect({ env: options.env, probes: options.probes });
  spin.stop(`Found ${detection.keys.length} API key(s) and ${detection.servers.length} local server(s)`);
  clack.note(describeDetection(detection, { probes: options.probes }).join('\n'), 'Detected');

  if (existsSync(options.path) && !flags.force) {
    const overwrite = answer(await clack.confirm({ message: `${options.out} exists. Overwrite it?`, initialValue: false }));
    if (!overwrite) {
      clack.outro(`Kept ${options.out}; nothing was written.`);
      return 0;
    }
  }

  const suites = answer(
    await clack.multiselect({
      message: 'Suites to run',
      options: detection.suites.map((suite) => ({ value: suite.id, label: suite.id, hint: suite.capabilities.join(', ') })),
      initialValues: flags.suites.length > 0 ? flags.suites : defaultSuites(detection.suites),
      required: true,
    }),
  );

  const servers = [...detection.servers];
  const models = await askModels({ detection, servers, flags, env: options.env });

  const concurrency =
    flags.concurrency ??
    parseConcurrency(
      answer(
        await clack.text({
          message: 'Requests in flight per model',
          placeholder: "empty: each model's own default",
          validate: (value) => (value === undefined || value.trim() === '' || parseConcurrency(value) !== undefined ? undefined : 'a whole number from 1 to 10000, or empty'),
        }),
      ),
    );
  const runOut =
    flags.runOut ??
    (answer(
      await clack.text({ message: 'Run directory for `ladder run`', placeholder: 'empty: a new reports/run-<date>-<time> for each run' }),
    ) ?? '').trim();

  const checked = checkChoices({ suites, models, catalog: detection.suites });
  const choices: InitChoices = {
    ...checked,
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(runOut === '' ? {} : { runOut }),
    providers: providerOverrides({ servers, models: checked.models }),
  };
  const text = renderConfig({ choices, detection: { keys: detection.keys, servers }, useDefineConfig: insideLadderCheckout(dirname(options.path)) });
  await writeConfigFile({ path: options.path, text, force: true });
  clack.log.success(`Wrote ${options.path}\n${choices.suites.length} suite(s) x ${choices.models.length} model(s)`);
  clack.outro(`Next: ${nextCommand({ path: options.path, cwd: options.cwd })}`);
  return 0;
}

/** Built-in models and local server models in one list, a prompt per provider with a key, and a server at another address. */
async function askModels(options: { detection: Detection; servers: DetectedServer[]; flags: InteractiveOptions['flags']; env: NodeJS.ProcessEnv }): Promise<string[]> {
  const { detection, servers, flags } = options;
  const initial = flags.models.length > 0 ? flags.models : defaultModels({ ...detection, keys: [] });
  const listed = [
    ...Object.entries(builtinModels).map(([name, entry]) => ({ value: `builtin/${name}`, label: `builtin/${name}`, hint: entry.description })),
    ...servers.flatMap((server) => serverModelIds(server).map((id) => ({ value: id, label: id, hint: `${server.label} at ${server.baseURL}` }))),
  ];
  const models = answer(
    await clack.multiselect({
      message: 'Models (built-in and local servers)',
      options: listed,
      initialValues: initial.filter((id) => listed.some((option) => option.value === id)),
      required: false,
    }),
  );

  for (const key of detection.keys) {
    const fromFlags = flags.models.filter((id) => parseModelId(id)?.provider === key.provider).map((id) => parseModelId(id)?.modelId ?? id);
    const suggested = fromFlags.length > 0 ? fromFlags.join(', ') : (defaultCloudModel(key.provider)?.slice(key.provider.length + 1) ?? '');
    const typed = answer(
      await clack.text({
        message: `${key.label} models (${key.variable} is set), comma-separated; empty for none`,
        initialValue: suggested,
        validate: (value) => (splitModels(key.provider, value ?? '').every((id) => parseModelId(id) !== undefined) ? undefined : 'model names, e.g. ' + (suggested || 'model-a, model-b')),
      }),
    );
    models.push(...splitModels(key.provider, typed ?? ''));
  }

  const addServer = answer(await clack.confirm({ message: 'Add an OpenAI-compatible local server at another address?', initialValue: false }));
  if (addServer) models.push(...(await askServer({ servers, env: options.env })));

  // Flag models no prompt above offered (gguf/<file>, a provider without a key) are kept as given.
  const offered = (id: string) => listed.some((option) => option.value === id) || detection.keys.some((key) => parseModelId(id)?.provider === key.provider);
  models.push(...flags.models.filter((id) => !offered(id)));
  if (models.length === 0) {
    clack.log.warn('No model chosen; using builtin/oracle.');
    models.push('builtin/oracle');
  }
  return [...new Set(models)];
}

/** A local server the probe did not find: its kind, its base URL (probed), its models. */
async function askServer(options: { servers: DetectedServer[]; env: NodeJS.ProcessEnv }): Promise<string[]> {
  const local = Object.values(PROVIDER_PRESETS).filter((preset) => preset.local === true);
  const provider = answer(
    await clack.select({ message: 'Which server?', options: local.map((preset) => ({ value: preset.id, label: preset.label, hint: `default ${preset.baseURL}` })) }),
  );
  const preset = PROVIDER_PRESETS[provider];
  if (preset === undefined) return [];
  const baseURL = answer(
    await clack.text({
      message: `${preset.label} base URL (ending in /v1)`,
      initialValue: preset.baseURL,
      validate: (value) => (/^https?:\/\/[^\s/]+/.test(value ?? '') ? undefined : 'a URL such as http://127.0.0.1:8000/v1'),
    }),
  ).replace(/\/+$/, '');
  const spin = clack.spinner();
  spin.start(`Asking ${baseURL}/models`);
  const probe: LocalProbe = {
    provider,
    label: preset.label,
    baseURL,
    defaultBaseURL: preset.baseURL.replace(/\/+$/, ''),
    apiKeyEnv: preset.apiKeyEnv,
    ...(provider === 'ollama' ? { tagsURL: new URL('/api/tags', baseURL).href } : {}),
  };
  const [found] = await detectLocalServers({ probes: [probe], env: options.env, timeoutMs: 2000 });
  spin.stop(found === undefined ? `${baseURL} did not answer` : `${baseURL}: ${found.models.length} model(s)`);
  // The typed address goes into the config whether or not the server is up now.
  const server: DetectedServer = found ?? { provider, label: preset.label, baseURL, customBaseURL: probe.baseURL !== probe.defaultBaseURL, models: [] };
  const index = options.servers.findIndex((entry) => entry.provider === provider);
  if (index >= 0) options.servers.splice(index, 1);
  options.servers.push(server);
  if (server.models.length > 0) {
    return answer(
      await clack.multiselect({ message: `Models of ${preset.label}`, options: serverModelIds(server).map((id) => ({ value: id, label: id })), required: false }),
    );
  }
  const typed = answer(await clack.text({ message: `${preset.label} model names, comma-separated`, placeholder: 'e.g. Qwen/Qwen2.5-7B-Instruct' }));
  return splitModels(provider, typed ?? '');
}

/** `a, b` or `p/a, p/b` to `p/a`, `p/b`. */
function splitModels(provider: string, text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => (item.startsWith(`${provider}/`) ? item : `${provider}/${item}`));
}

function parseConcurrency(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const parsed = Number(value.trim());
  return Number.isInteger(parsed) && parsed >= 1 && parsed <= 10_000 ? parsed : undefined;
}
