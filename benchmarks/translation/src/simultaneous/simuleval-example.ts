import { UsageError, sha256, type LoadContext, type LoadedDataset, type Sample } from '@ladder/core';
import { LANGUAGES } from './languages.js';
import { simultaneousSuite } from './simultaneous-suite.js';
import { locateSuiteFiles, type PinnedSuiteFile } from '@ladder/datasets';
import { readLines } from './read-lines.js';
import { timelineFromTimestamps } from './source-timeline.js';

const SIMULEVAL = { repo: 'facebookresearch/SimulEval', commit: 'd3cd2ea65411ad387ad18dba639e989dc0213a40' };

/** SimulEval's `--source-timestamps` example (examples/data at d3cd2ea6, 2022-03-16; CC BY-SA 4.0). */
const FILES: PinnedSuiteFile[] = [
  { ...SIMULEVAL, name: 'src.txt', path: 'examples/data/src.txt', sha256: 'e94619c17bad221071f9f9498b7d1012654efa403ef21e611052d532dbf6a3c7' },
  { ...SIMULEVAL, name: 'src_time.txt', path: 'examples/data/src_time.txt', sha256: '6d97fdf7004101b97f0fe46a3a4a1db6d0ab73c34cffce0e349976f7983a44c5' },
  { ...SIMULEVAL, name: 'tgt.txt', path: 'examples/data/tgt.txt', sha256: '8a376d7663c703c2670be8a299417be77c3bf47c7b2e7195422c238985a8cdef' },
];

const SUITE_ID = 'simul-ted-en-de';

/** Reads a folder of SimulEval's text-to-text format: src.txt, src_time.txt (ms per source word), tgt.txt, one sentence a line. */
async function loadSimulEvalFolder(context: LoadContext): Promise<LoadedDataset> {
  const paths = await locateSuiteFiles({ suite: SUITE_ID, files: FILES, dataPath: context.dataPath });
  const [sourcePath, timesPath, targetPath] = paths as [string, string, string];
  const files = await Promise.all(paths.map((path) => readLines(path)));
  const [sourceLines, timeLines, targetLines] = files.map((file) => file.lines) as [string[], string[], string[]];
  for (const [path, count] of [[timesPath, timeLines.length], [targetPath, targetLines.length]] as const) {
    if (count !== sourceLines.length) throw new UsageError(`${path}: ${count} lines, but ${sourcePath} has ${sourceLines.length}; one line per sentence in each file`);
  }
  const samples = sourceLines.map((text, index): Sample => {
    const where = `${timesPath}:${index + 1}`;
    if (text.trim() === '') throw new UsageError(`${sourcePath}:${index + 1}: the sentence is empty`);
    if ((targetLines[index] ?? '').trim() === '') throw new UsageError(`${targetPath}:${index + 1}: the reference is empty`);
    const sourceTimes = (timeLines[index] ?? '').trim().split(/\s+/).map((field) => (/^\d+(\.\d+)?$/.test(field) ? Number(field) : Number.NaN));
    // Checked now, so a bad file stops the run before it starts.
    timelineFromTimestamps(text, sourceTimes, { script: 'spaced', where });
    return { id: `ted-${index + 1}`, input: text, targets: [targetLines[index] as string], metadata: { sourceTimes, where } };
  });
  return { samples, sha256: sha256(files.map((file) => file.sha256).join('\n')), source: paths.join(', ') };
}

/** simul-ted-en-de: the 10 TED sentences (English to German) of SimulEval's timestamped example, read at their real word times. */
export const simulTedEnDe = simultaneousSuite({
  id: SUITE_ID,
  version: '1',
  description: "SimulEval's timestamped example: 10 TED sentences, English to German, at the words' real times; corpus BLEU and SimulEval latency",
  from: LANGUAGES.en,
  to: LANGUAGES.de,
  ratio: 1,
  timing: 'timestamps',
  load: loadSimulEvalFolder,
});
