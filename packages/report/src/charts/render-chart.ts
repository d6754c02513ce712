import { View, parse, type Spec } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { compile, type TopLevelSpec } from 'vega-lite';

export interface RenderedChart {
  /** The chart's file-name stem (`charts/<name>.svg`). */
  name: string;
  title: string;
  /** The Vega spec compiled from the Vega-Lite one: what the page's script renders live. */
  vega: Spec;
  /** The same chart rendered to SVG at build time, for pages without JavaScript and for summary.md. */
  svg: string;
  /** Marks drawn (points, bars, cells, lines): the page's test checks the live chart draws as many. */
  marks: number;
}

/**
 * Compiles a Vega-Lite spec and renders it to SVG in Node (no canvas, no browser): the
 * expression interpreter stands in for generated code, as on the CSP-locked pages.
 */
export async function renderChart(options: { name: string; title: string; spec: TopLevelSpec }): Promise<RenderedChart> {
  const vega = compile(options.spec).spec;
  const view = new View(parse(vega, undefined, { ast: true }), { renderer: 'none', expr: expressionInterpreter });
  try {
    const svg = await view.toSVG();
    return { name: options.name, title: options.title, vega, svg, marks: countMarks(svg) };
  } finally {
    view.finalize();
  }
}

/** Items inside Vega's mark groups whose role is `mark` (axes, legends and titles excluded). */
export function countMarks(svg: string): number {
  let count = 0;
  const groups = svg.matchAll(/<g class="mark-(symbol|rect|line|rule|text|area) role-mark[^"]*"[^>]*>/g);
  for (const match of groups) {
    const start = (match.index ?? 0) + match[0].length;
    const end = svg.indexOf('</g>', start);
    const inner = svg.slice(start, end === -1 ? undefined : end);
    count += (inner.match(/<(path|line|text)\b/g) ?? []).length;
  }
  return count;
}
