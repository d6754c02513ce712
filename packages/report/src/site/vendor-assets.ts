import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const OWN_ASSETS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets');

/**
 * The site's scripts and styles, copied from this package and from node_modules: no CDN, so the
 * pages work offline, from file:// and under a CSP that allows only the site's own scripts.
 * Returns the bytes written.
 */
export function writeAssets(directory: string): number {
  let bytes = 0;
  const put = (name: string, content: string | Buffer) => {
    writeFileSync(join(directory, name), content);
    bytes += Buffer.byteLength(content);
  };
  for (const name of ['site.css', 'site.js', 'charts.js']) put(name, readFileSync(join(OWN_ASSETS, name)));
  const vegaBuild = dirname(require.resolve('vega'));
  put('vega.min.js', readFileSync(join(vegaBuild, 'vega.min.js')));
  const interpreterModule = require.resolve('vega-interpreter');
  put('vega-interpreter.js', classicInterpreterScript(readFileSync(interpreterModule, 'utf8')));
  for (const [name, folder] of [['vega', dirname(vegaBuild)], ['vega-interpreter', dirname(dirname(interpreterModule))]] as const) {
    const license = join(folder, 'LICENSE');
    if (existsSync(license)) {
      copyFileSync(license, join(directory, `${name}.LICENSE.txt`));
      bytes += readFileSync(license).length;
    }
  }
  return bytes;
}

/**
 * vega-interpreter ships only as an ES module importing vega-util. Module scripts do not load
 * from file://, so it becomes a classic script taking vega-util's functions from the `vega`
 * global (vega.min.js re-exports vega-util) and leaving `vegaExpressionInterpreter` global.
 */
export function classicInterpreterScript(source: string): string {
  const importPattern = /^import \{([^}]+)\} from 'vega-util';$/m;
  const exportPattern = /^export \{ expression as expressionInterpreter \};$/m;
  const imported = importPattern.exec(source);
  if (imported === null || !exportPattern.test(source)) {
    throw new Error('vega-interpreter: its module no longer has the one vega-util import and the one export this site expects; update site/vendor-assets.ts for its new version');
  }
  const body = source.replace(importPattern, '').replace(exportPattern, '');
  if (/^\s*(import|export)\b/m.test(body)) throw new Error('vega-interpreter: its module has more imports or exports than this site expects; update site/vendor-assets.ts');
  return `// vega-interpreter (BSD-3-Clause, see vega-interpreter.LICENSE.txt), wrapped as a classic script.
(function () {
'use strict';
const {${imported[1]}} = globalThis.vega;
${body}
globalThis.vegaExpressionInterpreter = expression;
})();
`;
}
