// Renders each chart live with Vega (tooltips, crisp at any zoom) in place of the SVG drawn at
// build time. The spec comes from a JSON block the site wrote; Vega runs in its CSP-safe mode
// (the AST and the expression interpreter instead of generated functions), so the pages'
// Content-Security-Policy can forbid eval.
'use strict';

(async function () {
  const vega = globalThis.vega;
  const interpreter = globalThis.vegaExpressionInterpreter;
  for (const figure of document.querySelectorAll('figure.chart')) {
    const source = figure.querySelector('script.chart-spec');
    const live = figure.querySelector('.chart-live');
    const fallback = figure.querySelector('.chart-static');
    if (source === null || live === null || vega === undefined || interpreter === undefined) continue;
    try {
      const spec = JSON.parse(source.textContent || '{}');
      const view = new vega.View(vega.parse(spec, null, { ast: true }), { expr: interpreter, renderer: 'svg', container: live, hover: true });
      await view.runAsync();
      if (fallback !== null) fallback.hidden = true;
      figure.setAttribute('data-rendered', 'live');
    } catch (error) {
      figure.setAttribute('data-rendered', 'failed');
      console.error(`chart ${figure.getAttribute('data-chart')}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
})();
