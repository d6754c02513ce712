import { UsageError, sha256, type LoadContext, type LoadedDataset, type Sample } from '@ladder/core';
import { LANGUAGES, type Language } from './languages.js';
import { locateSuiteFile, readLines, type SuiteFile } from './suite-files.js';
import { simultaneousSuite } from './simultaneous-suite.js';

const OPUS_MT_TESTSETS = { repo: 'Helsinki-NLP/OPUS-MT-testsets', commit: 'ac0f19c0be3cb4e0d9450fcb2d7a9847c4bdd180' };

/** FLORES-200 devtest (CC BY-SA 4.0), from the OPUS-MT-testsets mirror at a pinned commit. */
const FLORES_FILES = {
  en: { ...OPUS_MT_TESTSETS, file: 'eng_Latn.devtest', path: 'datasets/facebook/flores/flores200_dataset/devtest/eng_Latn.devtest', sha256: '612e9fbe87997617c0fa8fa8929654a4f49b728d96738112c2b86ef6a1d78d88' },
  zh: { ...OPUS_MT_TESTSETS, file: 'zho_Hans.devtest', path: 'datasets/facebook/flores/flores200_dataset/devtest/zho_Hans.devtest', sha256: 'b30158b1b76f7cee08530d8127a9769f4512597c7eefe97ae1ccf630d5b6e7fd' },
} satisfies Record<string, SuiteFile>;

/** The folder under the data directory: one download serves both directions. */
const DATA_FOLDER = 'flores200';

/** FLORES-200 devtest in one direction: sentence i of the source file and of the target file are a pair. */
function loadFlores(from: 'en' | 'zh', to: 'en' | 'zh', suite: string): (context: LoadContext) => Promise<LoadedDataset> {
  return async (context) => {
    const locate = (file: SuiteFile) => locateSuiteFile(context, { folder: DATA_FOLDER, file, dataArgument: '<FLORES-200 devtest folder>' });
    const [sourcePath, targetPath] = await Promise.all([locate(FLORES_FILES[from]), locate(FLORES_FILES[to])]);
    const hint = `${suite} --data takes a FLORES-200 devtest folder holding ${FLORES_FILES[from].file} and ${FLORES_FILES[to].file}`;
    const [source, target] = await Promise.all([readLines(sourcePath, hint), readLines(targetPath, hint)]);
    if (source.lines.length !== target.lines.length) {
      throw new UsageError(`${targetPath}: ${target.lines.length} lines, but ${sourcePath} has ${source.lines.length}; the two files must be line-aligned`);
    }
    const samples = source.lines.map((text, index): Sample => {
      const reference = target.lines[index] ?? '';
      if (text.trim() === '') throw new UsageError(`${sourcePath}:${index + 1}: the sentence is empty`);
      if (reference.trim() === '') throw new UsageError(`${targetPath}:${index + 1}: the reference is empty`);
      return { id: `flores-${index + 1}`, input: text, targets: [reference], metadata: { where: `${sourcePath}:${index + 1}` } };
    });
    return { samples, sha256: sha256(`${source.sha256}\n${target.sha256}`), source: `${sourcePath}, ${targetPath}` };
  };
}

function floresSuite(options: { from: Language; to: Language; ratio: number }) {
  const { from, to } = options;
  const id = `simul-${from.code}-${to.code}`;
  return simultaneousSuite({
    id,
    version: '1',
    description: `FLORES-200 devtest (1,012 sentences), ${from.name} to ${to.targetName}, read at ${from.rate?.label}; corpus BLEU (${to.bleuTokenizer}) and SimulEval latency`,
    from,
    to,
    ratio: options.ratio,
    timing: 'rate',
    load: loadFlores(from.code as 'en' | 'zh', to.code as 'en' | 'zh', id),
  });
}

/**
 * The wait-k ratios are the length ratios of FLORES devtest in latency units: 0.61 English
 * words per Chinese spoken unit, 1.93 Chinese characters (SimulEval's `char`) per English word.
 */
export const simulZhEn = floresSuite({ from: LANGUAGES.zh, to: LANGUAGES.en, ratio: 0.6 });
export const simulEnZh = floresSuite({ from: LANGUAGES.en, to: LANGUAGES.zh, ratio: 1.9 });
