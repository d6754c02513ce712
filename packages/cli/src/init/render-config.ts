import { parseModelId } from '@ladder/core';
import type { Detection, InitChoices } from './init-plan.js';
import { PROVIDER_PRESETS } from './provider-presets.js';

export interface RenderOptions {
  choices: InitChoices;
  detection: Pick<Detection, 'keys' | 'servers'>;
  /** `import { defineConfig } from '@ladder/core'`: only where that resolves (inside the Ladder checkout). */
  useDefineConfig: boolean;
}

/**
 * The text of `ladder.config.ts`. Keys never appear, only the names of their variables, in
 * comments; every string is written as a quoted literal.
 */
export function renderConfig(options: RenderOptions): string {
  const { choices, detection } = options;
  const lines: string[] = [
    '// Written by `ladder init`. `ladder run` with no --suite or --model runs the suites and models',
    '// in `run` below; flags given on the command line take precedence.',
  ];
  const keyLines = detection.keys.map((key) => `//   ${key.provider.padEnd(10)} ${key.variable}`);
  lines.push('//', '// API keys are read from the environment when a run starts and are never written here.');
  lines.push(keyLines.length > 0 ? '// Keys set when this file was written (variable names only):' : '// No API key variable was set when this file was written.', ...keyLines);
  if (detection.servers.length > 0) {
    lines.push('// Local servers that answered:');
    for (const server of detection.servers) {
      lines.push(`//   ${server.provider.padEnd(10)} ${comment(server.baseURL)}  ${server.models.length} model(s)${server.problem === undefined ? '' : `, ${comment(server.problem)}`}`);
    }
  }
  const overrides = Object.entries(choices.providers);
  if (options.useDefineConfig) lines.push("import { defineConfig } from '@ladder/core';");
  lines.push('', options.useDefineConfig ? 'export default defineConfig({' : 'export default {');

  if (overrides.length > 0) {
    lines.push('  providers: {');
    for (const [provider, { baseURL }] of overrides) lines.push(`    ${key(provider)}: { baseURL: ${literal(baseURL)} },`);
    lines.push('  },');
  }
  lines.push('  run: {');
  lines.push(`    suites: [${choices.suites.map(literal).join(', ')}],`);
  lines.push('    models: [');
  for (const model of choices.models) lines.push(`      ${literal(model)},${modelNote(model, detection)}`);
  lines.push('    ],');
  if (choices.concurrency !== undefined) lines.push(`    concurrency: ${choices.concurrency},`);
  if (choices.runOut !== undefined) lines.push(`    out: ${literal(choices.runOut)},`);
  lines.push('  },');
  lines.push(options.useDefineConfig ? '});' : '};', '');
  return lines.join('\n');
}

/** Where a cloud model's key comes from, by variable name. */
function modelNote(model: string, detection: Pick<Detection, 'keys'>): string {
  const provider = parseModelId(model)?.provider;
  const preset = provider === undefined ? undefined : PROVIDER_PRESETS[provider];
  if (preset === undefined || preset.local === true || preset.apiKeyEnv.length === 0) return '';
  const found = detection.keys.find((entry) => entry.provider === provider);
  return found !== undefined ? ` // key: ${found.variable}` : ` // needs ${preset.apiKeyEnv.join(' or ')} (not set now)`;
}

/** A single-quoted TypeScript string literal. */
export function literal(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}'`;
}

function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : literal(name);
}

function comment(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
}
