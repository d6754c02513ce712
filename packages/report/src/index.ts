export { aggregateRun, type RunAggregate, type LatencySummary } from './aggregate.js';
export { writeResults, renderCsv, renderResultsJson, neutralizeFormula, CSV_COLUMNS } from './write-results.js';
export { renderSummary, formatValue } from './summary-markdown.js';
export { siteSlug, samplePagePath, sampleAnchor, sampleHref } from './site-paths.js';
