import type { Suite } from '@ladder/core';
import { locateSuiteFiles, type PinnedSuiteFile } from '@ladder/datasets';
import { parsePair } from './languages.js';
import { createTranslationSuite } from './translation-suite.js';

/** FLORES-200 devtest from Helsinki-NLP/OPUS-MT-testsets (the original FLORES-200 release, CC BY-SA 4.0). */
function flores(language: 'eng_Latn' | 'zho_Hans', sha256: string): PinnedSuiteFile {
  return {
    name: `${language}.devtest`,
    repo: 'Helsinki-NLP/OPUS-MT-testsets',
    commit: 'ac0f19c0be3cb4e0d9450fcb2d7a9847c4bdd180',
    path: `datasets/facebook/flores/flores200_dataset/devtest/${language}.devtest`,
    sha256,
  };
}

const FLORES_ENGLISH = flores('eng_Latn', '612e9fbe87997617c0fa8fa8929654a4f49b728d96738112c2b86ef6a1d78d88');
const FLORES_CHINESE = flores('zho_Hans', 'b30158b1b76f7cee08530d8127a9769f4512597c7eefe97ae1ccf630d5b6e7fd');

/** WMT23 general test set, plain text, from wmt-conference/wmt23-news-systems. */
function wmt23(kind: 'sources' | 'references', name: string, sha256: string): PinnedSuiteFile {
  return { name, repo: 'wmt-conference/wmt23-news-systems', commit: '99b5b9de2a535c2c5542fd4ec404682903299894', path: `txt/${kind}/${name}`, sha256 };
}

interface StandardSuite {
  id: string;
  pair: string;
  description: string;
  files: PinnedSuiteFile[];
  maxOutputTokens: number;
}

const STANDARD: StandardSuite[] = [
  {
    id: 'flores-zh-en',
    pair: 'zh-en',
    description: 'FLORES-200 devtest Chinese (Simplified) to English: 1,012 Wikimedia sentences; corpus BLEU (13a) and chrF',
    files: [FLORES_CHINESE, FLORES_ENGLISH],
    maxOutputTokens: 512,
  },
  {
    id: 'flores-en-zh',
    pair: 'en-zh',
    description: 'FLORES-200 devtest English to Chinese (Simplified): 1,012 sentences; corpus BLEU (zh tokenizer) and chrF',
    files: [FLORES_ENGLISH, FLORES_CHINESE],
    maxOutputTokens: 512,
  },
  {
    id: 'wmt23-zh-en',
    pair: 'zh-en',
    description: 'WMT23 general test Chinese to English: 1,976 segments, refA; corpus BLEU (13a) and chrF',
    files: [
      wmt23('sources', 'generaltest2023.zh-en.src.zh', 'd91ce2717cdfbf63041289f9d31f07545a8d80c4a6fd4d0bf9a1126b0d6b063a'),
      wmt23('references', 'generaltest2023.zh-en.ref.refA.en', '5dd09a10f2775a1d76fe51a28ec62309a0b8a26809f08a14c9d456821e3a1a4d'),
    ],
    maxOutputTokens: 1024,
  },
  {
    id: 'wmt23-en-zh',
    pair: 'en-zh',
    description: 'WMT23 general test English to Chinese: 2,074 segments, refA; corpus BLEU (zh tokenizer) and chrF',
    files: [
      wmt23('sources', 'generaltest2023.en-zh.src.en', '07d937dc04ffb852ce61b3619ebd785da24eaa41e0e92637c1f2a660dc9ef711'),
      wmt23('references', 'generaltest2023.en-zh.ref.refA.zh', 'f71114cfb6f36c06f6253203003a5cd78e54b1c46999d91718b3b354d78e4628'),
    ],
    maxOutputTokens: 1024,
  },
];

/** The file names each standard suite reads (its `--data` folder holds them), by suite id. */
export const STANDARD_SUITE_FILES: Record<string, readonly PinnedSuiteFile[]> = Object.fromEntries(STANDARD.map((entry) => [entry.id, entry.files]));

export const standardTranslationSuites: Suite[] = STANDARD.map((entry) => {
  const { source, target } = parsePair(entry.pair);
  return createTranslationSuite({
    id: entry.id,
    version: '1',
    description: entry.description,
    source,
    target,
    references: 1,
    maxOutputTokens: entry.maxOutputTokens,
    locate: (context) => locateSuiteFiles({ suite: entry.id, files: entry.files, dataPath: context.dataPath }),
  });
});
