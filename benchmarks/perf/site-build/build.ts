/**
 * One site build, in its own process so that its peak RSS is its own: reads the run
 * directories, builds the leaderboard and writes the site. Prints one JSON line.
 *
 *   node --import tsx site-build/build.ts <site-dir> <run-dir>...
 */
import { buildLeaderboard, buildSite, loadRuns, type PromptSource } from '@ladder/report';
import { syntheticPrompt, syntheticSuites } from './synthetic-board.js';

const [site, ...directories] = process.argv.slice(2);
if (site === undefined || directories.length === 0) throw new Error('usage: build.ts <site-dir> <run-dir>...');
const suites = new Map(syntheticSuites(1).map((suite) => [suite.id, suite]));
const prompts: PromptSource = async ({ suite, sampleIds }) => {
  const definition = suites.get(suite.id);
  if (definition === undefined) return { unavailable: 'not a synthetic suite' };
  return new Map(sampleIds.map((id) => [id, syntheticPrompt(definition, Number(id.slice(1)))]));
};

const start = performance.now();
const runs = loadRuns(directories);
const loaded = performance.now();
const board = buildLeaderboard({ runs, deltas: [['lab/model-01', 'lab/model-02']] });
const compared = performance.now();
const result = await buildSite({ board, directory: site, title: 'Synthetic board', prompts, generatedAt: new Date().toISOString() });
const done = performance.now();
const verified = [...result.promptNotes.values()].every((note) => /: (\d+) of \1 match/.test(note));
console.log(
  JSON.stringify({
    readMs: Math.round(loaded - start),
    compareMs: Math.round(compared - loaded),
    siteMs: Math.round(done - compared),
    totalMs: Math.round(done - start),
    cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000),
    pages: result.pages,
    bytes: result.bytes,
    charts: result.charts.length,
    promptsVerified: verified,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
