import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256, type Suite } from '@ladder/core';
import { prepareSuite } from '@ladder/runner';
import { describe, expect, it } from 'vitest';
import { builtinSuites } from './catalog.js';
import { translationFilesSuite } from './translation-files.js';

/**
 * A suite's version must change when its prompt does (scores under two prompts are not the same
 * measurement). suite-versions.lock.json holds, per built-in suite, its version and a hash of the
 * prompts of its first three samples (real data from ../shared; a synthetic folder for C-Eval);
 * a prompt change without a version bump fails here.
 */
const LOCK = fileURLToPath(new URL('./suite-versions.lock.json', import.meta.url));
const UPDATE = 'LADDER_UPDATE_SUITE_LOCK=1 npx -y pnpm@10 --filter @ladder/cli exec vitest run src/suite-versions.test.ts';
const SHARED = fileURLToPath(new URL('../../../../shared/datasets/', import.meta.url));
const qwen = (folder: string) => join(SHARED, 'qwen25-math-eval', folder, 'test.jsonl');

function cevalFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'suite-versions-ceval-'));
  mkdirSync(join(root, 'val'));
  mkdirSync(join(root, 'dev'));
  writeFileSync(join(root, 'val', 'logic_val.csv'), 'id,question,A,B,C,D,answer\n0,Synthetic question one?,w,x,y,z,B\n1,Synthetic question two?,p,q,r,s,D\n2,Synthetic question three?,e,f,g,h,A\n');
  writeFileSync(join(root, 'dev', 'logic_dev.csv'), `id,question,A,B,C,D,answer,explanation\n${[0, 1, 2, 3, 4].map((index) => `${index},Example ${index}?,e,f,g,h,A,because`).join('\n')}\n`);
  return root;
}

const DATA: Record<string, () => string> = {
  gsm8k: () => join(SHARED, 'gsm8k', 'test.jsonl'),
  math500: () => join(SHARED, 'math500', 'test.jsonl'),
  aime24: () => join(SHARED, 'aime24', 'test.jsonl'),
  aime25: () => join(SHARED, 'aime25', 'test.jsonl'),
  gaokao2023en: () => qwen('gaokao2023en'),
  gaokao2024: () => qwen('gaokao2024_mix'),
  cmath: () => qwen('cmath'),
  'cn-middle-school': () => qwen('cn_middle_school'),
  olympiadbench: () => qwen('olympiadbench'),
  'college-math': () => qwen('college_math'),
  humaneval: () => join(SHARED, 'humaneval', 'HumanEval.jsonl.gz'),
  mbpp: () => join(SHARED, 'mbpp', 'sanitized-mbpp.json'),
  'mbpp-full': () => join(SHARED, 'mbpp', 'mbpp.jsonl'),
  mmlu: () => join(SHARED, 'mmlu'),
  'mmlu-circular': () => join(SHARED, 'mmlu'),
  cmmlu: () => join(SHARED, 'cmmlu'),
  'cmmlu-circular': () => join(SHARED, 'cmmlu'),
  ceval: cevalFolder,
  'ceval-circular': cevalFolder,
  'flores-zh-en': () => join(SHARED, 'flores200'),
  'flores-en-zh': () => join(SHARED, 'flores200'),
  'wmt23-zh-en': () => join(SHARED, 'wmt23'),
  'wmt23-en-zh': () => join(SHARED, 'wmt23'),
  'simul-ted-en-de': () => join(SHARED, 'simul', 'simuleval_t2t_timestamps'),
  'simul-zh-en': () => join(SHARED, 'flores200'),
  'simul-en-zh': () => join(SHARED, 'flores200'),
};

/** The suite as the lock sees it: the files suite on WMT23 zh-en, a simultaneous suite in wait-3. */
function lockedForm(suite: Suite): Suite {
  if (suite.id === 'translation') {
    const wmt = (name: string) => join(SHARED, 'wmt23', `generaltest2023.zh-en.${name}`);
    const files = translationFilesSuite({ source: wmt('src.zh'), reference: [wmt('ref.refA.en')], pair: 'zh-en' }, ['translation']);
    if (files === undefined) throw new Error('no files suite');
    return files;
  }
  return suite.withMode === undefined ? suite : suite.withMode('wait-3');
}

async function currentEntries(): Promise<Record<string, { version: string; prompts: string }>> {
  const entries: Record<string, { version: string; prompts: string }> = {};
  for (const suite of builtinSuites()) {
    const prepared = await prepareSuite(lockedForm(suite), { baseDir: process.cwd(), limit: 3, ...(DATA[suite.id] === undefined ? {} : { dataPath: DATA[suite.id]?.() ?? '' }) });
    expect(prepared.promptHashes, suite.id).toHaveLength(3);
    entries[suite.id] = { version: suite.version, prompts: sha256(prepared.promptHashes.join('\n')).slice(0, 16) };
  }
  return entries;
}

describe('suite versions', () => {
  it('change whenever a built-in suite prompt changes', { timeout: 120_000 }, async () => {
    const current = await currentEntries();
    if (process.env.LADDER_UPDATE_SUITE_LOCK === '1') writeFileSync(LOCK, `${JSON.stringify(current, null, 2)}\n`);
    const locked = JSON.parse(readFileSync(LOCK, 'utf8')) as Record<string, { version: string; prompts: string }>;
    const problems: string[] = [];
    for (const [id, entry] of Object.entries(current)) {
      const before = locked[id];
      if (before === undefined) problems.push(`${id}: not in suite-versions.lock.json; record it with ${UPDATE}`);
      else if (before.prompts !== entry.prompts && before.version === entry.version) problems.push(`${id}: its prompts changed but its version is still ${entry.version}; bump the suite's version, then ${UPDATE}`);
      else if (before.prompts !== entry.prompts || before.version !== entry.version) problems.push(`${id}: version ${before.version} → ${entry.version}; record it with ${UPDATE}`);
    }
    for (const id of Object.keys(locked)) if (current[id] === undefined) problems.push(`${id}: no longer a built-in suite; remove it with ${UPDATE}`);
    expect(problems).toEqual([]);
  });
});
