import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, type LoadedDataset, type Sample, type Score, type Suite } from '@ladder/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ceval, cmmlu, mmlu, mmluCircular, suites } from './index.js';
import { CEVAL_SUBJECT_NAMES, CMMLU_SUBJECT_NAMES } from './subject-names.js';

const SHARED = fileURLToPath(new URL('../../../../shared/datasets/', import.meta.url));
const MMLU_DATA = join(SHARED, 'mmlu');
const CMMLU_DATA = join(SHARED, 'cmmlu');

function score(suite: Suite, sample: Sample, output: string): Score {
  const result = suite.scorer.score({ sample, output });
  if (result instanceof Promise) throw new Error('expected a synchronous scorer');
  return result;
}

function content(suite: Suite, sample: Sample): string {
  const messages = suite.prompt(sample);
  expect(messages).toHaveLength(1);
  expect(messages[0]?.role).toBe('user');
  return messages[0]?.content ?? '';
}

function temporaryFolder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'subject-suite-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function loadError(suite: Suite, dataPath?: string): Promise<Error> {
  const error = await suite.load({ baseDir: process.cwd(), ...(dataPath === undefined ? {} : { dataPath }) }).catch((caught: unknown) => caught);
  expect(UsageError.isInstance(error), String(error)).toBe(true);
  expect((error as Error).message).not.toContain('\n');
  return error as Error;
}

it('exports mmlu, cmmlu and ceval in the family list, grouped by subject', () => {
  expect(suites.map((suite) => suite.id)).toEqual(['demo-language', 'mmlu', 'cmmlu', 'ceval', 'mmlu-circular', 'cmmlu-circular', 'ceval-circular']);
  for (const suite of [mmlu, cmmlu, ceval]) {
    expect(suite.version).toBe('1');
    expect(suite.generation).toEqual({ temperature: 0, maxOutputTokens: 32 });
    expect(suite.groupOf?.({ id: 'x/0', input: '', targets: ['A'], metadata: { subject: 'virology' } })).toBe('virology');
  }
  expect(Object.keys(CMMLU_SUBJECT_NAMES)).toHaveLength(67);
  expect(Object.keys(CEVAL_SUBJECT_NAMES)).toHaveLength(52);
});

describe('missing data', () => {
  const previous = process.env.LADDER_DATA_DIR;
  beforeAll(() => {
    process.env.LADDER_DATA_DIR = mkdtempSync(join(tmpdir(), 'no-data-'));
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.LADDER_DATA_DIR;
    else process.env.LADDER_DATA_DIR = previous;
  });

  it('says where to put the files, in one line', async () => {
    expect((await loadError(mmlu)).message).toMatch(/^mmlu: no data; pass --data <folder with test\/ and dev\/> \(the MMLU CSVs from https:\/\/people\.eecs\.berkeley\.edu\/~hendrycks\/data\.tar/u);
    expect((await loadError(cmmlu)).message).toMatch(/^cmmlu: no data; pass --data/u);
    expect((await loadError(ceval)).message).toMatch(/^ceval: no data; pass --data <folder with val\/ and dev\/>/u);
  });

  it('names a --data folder without the test split', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'empty-'));
    expect((await loadError(mmlu, empty)).message).toBe(`mmlu: ${empty} has no test/ folder (expected test/<subject>_test.csv files)`);
  });
});

describe.skipIf(!existsSync(MMLU_DATA))('mmlu on the shared copy', () => {
  let dataset: LoadedDataset;
  beforeAll(async () => {
    dataset = await mmlu.load({ baseDir: process.cwd(), dataPath: MMLU_DATA });
  });

  it('reads 57 subjects, 14,080 rows (the 2020-09-07 upload; data.tar has 14,042), stable unique ids', () => {
    // MANIFEST.md: this copy is hendrycks/test@f112c7a2, 14,080 rows, not the 14,042 of data.tar.
    expect(dataset.samples).toHaveLength(14_080);
    expect(new Set(dataset.samples.map((sample) => sample.metadata.subject)).size).toBe(57);
    expect(new Set(dataset.samples.map((sample) => sample.id)).size).toBe(14_080);
    expect(dataset.samples[0]?.id).toBe('abstract_algebra/0');
    expect(dataset.samples.at(-1)?.id.startsWith('world_religions/')).toBe(true);
    expect(dataset.sha256).toMatch(/^[0-9a-f]{64}$/u);
  });

  it('renders abstract_algebra/0 zero-shot when there is no dev split, byte for byte', () => {
    const sample = dataset.samples[0] as Sample;
    expect(sample.metadata.shots).toBe(0);
    expect(content(mmlu, sample)).toBe(
      'The following are multiple choice questions (with answers) about abstract algebra.\n\n' +
        'Find the degree for the given field extension Q(sqrt(2), sqrt(3), sqrt(18)) over Q.\nA. 0\nB. 4\nC. 2\nD. 6\nAnswer:',
    );
  });

  it('scores the oracle answer 1 on every item, and a wrong letter 0', () => {
    for (const sample of dataset.samples) {
      expect(score(mmlu, sample, mmlu.oracleAnswer?.(sample) ?? '').value, sample.id).toBe(1);
    }
    const first = dataset.samples[0] as Sample;
    expect(score(mmlu, first, 'Answer: A').value).toBe(0);
    expect(score(mmlu, first, 'I cannot tell').unanswered).toBe(true);
  });

  it('renders five dev examples in the §5.1 format when dev/ exists', async () => {
    const dev = ['Q1?,a,b,c,d,A', '" Q2? ",e,f,g,h,B', 'Q3?,i,j,k,l,C', 'Q4?,m,n,o,p,D', 'Q5?,q,r,s,t,A', 'Q6 (not used)?,u,v,w,x,B'].join('\n') + '\n';
    const folder = temporaryFolder({
      'test/abstract_algebra_test.csv': readFileSync(join(MMLU_DATA, 'test', 'abstract_algebra_test.csv'), 'utf8'),
      'dev/abstract_algebra_dev.csv': dev,
    });
    const loaded = await mmlu.load({ baseDir: process.cwd(), dataPath: folder });
    const sample = loaded.samples[0] as Sample;
    expect(sample.metadata.shots).toBe(5);
    expect(content(mmlu, sample)).toBe(
      'The following are multiple choice questions (with answers) about abstract algebra.\n\n' +
        'Q1?\nA. a\nB. b\nC. c\nD. d\nAnswer: A\n\n' +
        'Q2?\nA. e\nB. f\nC. g\nD. h\nAnswer: B\n\n' +
        'Q3?\nA. i\nB. j\nC. k\nD. l\nAnswer: C\n\n' +
        'Q4?\nA. m\nB. n\nC. o\nD. p\nAnswer: D\n\n' +
        'Q5?\nA. q\nB. r\nC. s\nD. t\nAnswer: A\n\n' +
        'Find the degree for the given field extension Q(sqrt(2), sqrt(3), sqrt(18)) over Q.\nA. 0\nB. 4\nC. 2\nD. 6\nAnswer:',
    );
  });
});

describe.skipIf(!existsSync(CMMLU_DATA))('cmmlu on the shared copy', () => {
  let dataset: LoadedDataset;
  beforeAll(async () => {
    dataset = await cmmlu.load({ baseDir: process.cwd(), dataPath: CMMLU_DATA });
  });

  it('reads 67 subjects and 11,582 test rows (MANIFEST.md), every subject with 5 shots', () => {
    expect(dataset.samples).toHaveLength(11_582);
    const subjects = new Set(dataset.samples.map((sample) => String(sample.metadata.subject)));
    expect(subjects.size).toBe(67);
    for (const subject of subjects) expect(CMMLU_SUBJECT_NAMES[subject], subject).toBeDefined();
    expect(dataset.samples.every((sample) => sample.metadata.shots === 5)).toBe(true);
  });

  it('renders agronomy/0 in the lm-eval CMMLU format, byte for byte', () => {
    const sample = dataset.samples[0] as Sample;
    expect(sample.id).toBe('agronomy/0');
    expect(content(cmmlu, sample)).toBe(
      '以下是关于农学的单项选择题，请直接给出正确答案的选项。\n\n' +
        '肉牛屠宰后，胴体的哪个部位肉质较好\nA. 胸\nB. 腹\nC. 大腿\nD. 小腿\n答案：C\n\n' +
        '下列鸭品种中，产蛋量最高的品种是\nA. 高邮鸭\nB. 北京鸭\nC. 樱桃谷鸭\nD. 绍鸭\n答案：D\n\n' +
        '常见家畜中输精管不形成输精管壶腹的是\nA. 马\nB. 猪\nC. 牛\nD. 羊\n答案：B\n\n' +
        '牛的发情周期平均为\nA. 16～17天\nB. 21天\nC. 28天\nD. 19～20天\n答案：B\n\n' +
        '羊胴体中，肉质较好的部位是\nA. 胸下肉\nB. 肩胛肉\nC. 后腿肉\nD. 小腿肉\n答案：C\n\n' +
        '在农业生产中被当作极其重要的劳动对象发挥作用，最主要的不可替代的基本生产资料是\nA. 农业生产工具\nB. 土地\nC. 劳动力\nD. 资金\n答案：',
    );
    expect(sample.targets).toEqual(['B']);
  });

  it('scores the oracle answer 1 on every item; Chinese answers are read too', () => {
    for (const sample of dataset.samples) {
      expect(score(cmmlu, sample, cmmlu.oracleAnswer?.(sample) ?? '').value, sample.id).toBe(1);
    }
    expect(score(cmmlu, dataset.samples[0] as Sample, 'B').value).toBe(1);
    expect(score(cmmlu, dataset.samples[0] as Sample, '答案是 B。').value).toBe(1);
  });
});

describe('fewer shots than the prompt says', () => {
  it('warns when subjects have fewer than 5 dev examples (the shared MMLU copy has no dev/), and not when they all have them', async () => {
    const withoutDev = await mmlu.load({ baseDir: process.cwd(), dataPath: MMLU_DATA });
    expect(withoutDev.warnings).toEqual([expect.stringMatching(new RegExp(`^mmlu: 57 of 57 subjects in ${MMLU_DATA.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} have fewer than 5 dev/ examples \\(abstract_algebra: 0, anatomy: 0, astronomy: 0, \\.\\.\\.\\)`))]);
    expect(withoutDev.samples[0]?.metadata.shots).toBe(0);
    const withDev = await cmmlu.load({ baseDir: process.cwd(), dataPath: CMMLU_DATA });
    expect(withDev.warnings).toBeUndefined();
    expect(withDev.samples[0]?.metadata.shots).toBe(5);
  });
});

describe('ceval on a synthetic folder', () => {
  const header = 'id,question,A,B,C,D,answer\n';
  const folder = temporaryFolder({
    'val/logic_val.csv': `${header}0,Synthetic question one?,w,x,y,z,B\n1,"Synthetic, quoted question two?",p,q,r,s,D\n`,
    'dev/logic_dev.csv': 'id,question,A,B,C,D,answer,explanation\n0,Synthetic example?,e,f,g,h,A,because\n',
  });

  it('reads val/ with dev/ shots, ids subject/index, the Chinese subject name', async () => {
    const { samples } = await ceval.load({ baseDir: process.cwd(), dataPath: folder });
    expect(samples.map((sample) => [sample.id, sample.targets[0], sample.metadata.subject])).toEqual([
      ['logic/0', 'B', 'logic'],
      ['logic/1', 'D', 'logic'],
    ]);
    expect(content(ceval, samples[1] as Sample)).toBe(
      '以下是中国关于逻辑学的单项选择题，请选出其中的正确答案。\n\n' +
        'Synthetic example?\nA. e\nB. f\nC. g\nD. h\n答案：A\n\n' +
        'Synthetic, quoted question two?\nA. p\nB. q\nC. r\nD. s\n答案：',
    );
    expect(score(ceval, samples[1] as Sample, ceval.oracleAnswer?.(samples[1] as Sample) ?? '').value).toBe(1);
  });
});

describe('malformed CSV', () => {
  it('names the file and line for a wrong field count (MMLU, no header)', async () => {
    const folder = temporaryFolder({ 'test/virology_test.csv': 'Q1?,a,b,c,d,A\nQ2?,a,b,c,B\n' });
    const path = join(folder, 'test', 'virology_test.csv');
    expect((await loadError(mmlu, folder)).message).toBe(`${path}:2: expected 6 fields (question, A, B, C, D, answer), found 5`);
  });

  it('names the file and line for a bad answer letter', async () => {
    const folder = temporaryFolder({ 'test/virology.csv': ',Question,A,B,C,D,Answer\n0,Q?,a,b,c,d,A\n1,Q?,a,b,c,d,E\n' });
    const path = join(folder, 'test', 'virology.csv');
    expect((await loadError(cmmlu, folder)).message).toBe(`${path}:3: the answer must be A, B, C or D, found "E"`);
  });

  it('names the file and line for a row that breaks the header (CMMLU)', async () => {
    const folder = temporaryFolder({ 'test/virology.csv': ',Question,A,B,C,D,Answer\n0,Q?,a,b,c,d,A\n1,Q?,a,b,c,d,A,extra\n' });
    const path = join(folder, 'test', 'virology.csv');
    expect((await loadError(cmmlu, folder)).message).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}:3: `, 'u'));
  });

  it('names the file for a missing column', async () => {
    const folder = temporaryFolder({ 'val/law_val.csv': 'id,question,A,B,C,answer\n0,Q?,a,b,c,A\n' });
    expect((await loadError(ceval, folder)).message).toBe(`${join(folder, 'val', 'law_val.csv')}:2: column "D" is missing (header must name question, A, B, C, D, answer)`);
  });
});

describe.skipIf(!existsSync(MMLU_DATA))('mmlu-circular', () => {
  it('asks each question under all four rotations, moving the answer with its option', async () => {
    const plain = await mmlu.load({ baseDir: '.', dataPath: MMLU_DATA });
    const circular = await mmluCircular.load({ baseDir: '.', dataPath: MMLU_DATA });
    expect(circular.samples).toHaveLength(4 * plain.samples.length);
    const first = plain.samples[0] as Sample;
    const rotations = circular.samples.slice(0, 4);
    expect(rotations.map((sample) => sample.id)).toEqual([0, 1, 2, 3].map((k) => `${first.id}#rot${k}`));
    const rightOption = first.choices?.['ABCD'.indexOf(first.targets[0] ?? '')];
    for (const rotation of rotations) expect(rotation.choices?.['ABCD'.indexOf(rotation.targets[0] ?? '')]).toBe(rightOption);
    expect(mmluCircular.prompt(rotations[1] as Sample)[0]?.content).not.toBe(mmlu.prompt(first)[0]?.content);
  });
});

