import { builtinModels, KNOWN_PROVIDERS } from '@ladder/models';
import { builtinScorers } from '@ladder/scorers';
import { parseArguments } from '../arguments.js';
import { suiteCatalog } from '../catalog.js';
import { loadConfig } from '../config.js';

export async function listCommand(argv: string[]): Promise<number> {
  const { values } = parseArguments('list', argv, { config: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help === true) {
    console.log('Usage: ladder list [--config <file>]\n\nLists suites, models and scorers.');
    return 0;
  }
  const { config, path, baseDir } = await loadConfig(values.config === undefined ? {} : { explicitPath: values.config });
  const catalog = suiteCatalog({ config, configPath: path, baseDir });
  console.log('Suites:');
  const width = Math.max(...[...catalog.keys()].map((id) => id.length));
  for (const suite of catalog.values()) {
    console.log(`  ${suite.id.padEnd(width)}  v${suite.version}  [${suite.capabilities.join(', ')}]  ${suite.description ?? ''}`.trimEnd());
    if (suite.modes !== undefined) console.log(`  ${''.padEnd(width)}  ${suite.id}@<policy>: ${suite.modes.description}; by default ${suite.modes.defaults.join(', ')}`);
  }
  console.log('\nModels:');
  for (const [name, entry] of Object.entries(builtinModels)) console.log(`  builtin/${name.padEnd(8)} ${entry.description}`);
  console.log('  gguf/<path>      a GGUF file run in-process with node-llama-cpp (optional dependency)');
  for (const id of Object.keys(config.models ?? {})) console.log(`  ${id}  (from ${path})`);
  console.log(`  providers: ${[...KNOWN_PROVIDERS].join(', ')}${Object.keys(config.models ?? {}).length > 0 ? ', and the config models above' : ''}`);
  console.log('\nScorers (for defineSuite({ scorer }) or ladder run --scorer):');
  const scorerWidth = Math.max(...Object.keys(builtinScorers).map((name) => name.length));
  for (const [name, entry] of Object.entries(builtinScorers)) console.log(`  ${name.padEnd(scorerWidth)}  ${entry.description}`);
  return 0;
}
