import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError, sha256, type LoadContext, type Sample } from '@ladder/core';
import { dataCacheDir, loadCsv } from '@ladder/datasets';

/**
 * How one benchmark lays out "a folder of per-subject CSVs". Each split lives in its own
 * subfolder; `file(subject)` names a subject's file there.
 */
export interface SubjectFolderFormat {
  /** Evaluated split: folder name and how a subject's file is named in it. */
  test: { folder: string; suffix: string };
  /** Few-shot split (optional on disk: without it prompts are zero-shot). */
  dev: { folder: string; suffix: string };
  /** True when the first row names the columns (CMMLU, C-Eval); MMLU has none. */
  header: boolean;
}

export const MMLU_FORMAT: SubjectFolderFormat = { test: { folder: 'test', suffix: '_test.csv' }, dev: { folder: 'dev', suffix: '_dev.csv' }, header: false };
export const CMMLU_FORMAT: SubjectFolderFormat = { test: { folder: 'test', suffix: '.csv' }, dev: { folder: 'dev', suffix: '.csv' }, header: true };
export const CEVAL_FORMAT: SubjectFolderFormat = { test: { folder: 'val', suffix: '_val.csv' }, dev: { folder: 'dev', suffix: '_dev.csv' }, header: true };

/** One four-option question as read from a CSV row. */
export interface ChoiceItem {
  question: string;
  choices: [string, string, string, string];
  answer: 'A' | 'B' | 'C' | 'D';
}

export interface SubjectData {
  subject: string;
  test: ChoiceItem[];
  /** The dev split's rows, in file order (empty when there is no dev file). */
  dev: ChoiceItem[];
}

export interface SubjectFolder {
  folder: string;
  subjects: SubjectData[];
  /** sha256 over the sha256 of every file read, in the order read (subjects alphabetical, test then dev). */
  sha256: string;
}

/** `<data dir>/<suite id>`: where a suite looks when no `--data` is given. */
export function defaultSubjectFolder(suiteId: string): string {
  return join(dataCacheDir(), suiteId);
}

/**
 * Where a suite's data is: `--data` when given, else `<data dir>/<suite id>` (LADDER_DATA_DIR
 * or ~/.cache/ladder/data) when it holds the test split, else undefined. The one place to hook
 * a download into later.
 */
export function locateSubjectFolder(suiteId: string, format: SubjectFolderFormat, context: LoadContext): string | undefined {
  if (context.dataPath !== undefined) return context.dataPath;
  const candidate = defaultSubjectFolder(suiteId);
  return isDirectory(join(candidate, format.test.folder)) ? candidate : undefined;
}

/**
 * Reads every subject of a folder laid out as `format` describes. Subjects are the files of the
 * test split, in alphabetical order; each subject's dev file is read when present. Every
 * problem is a one-line UsageError naming the file and the line (the CSV record number, the
 * header counting as line 1).
 */
export async function readSubjectFolder(suiteId: string, folder: string, format: SubjectFolderFormat): Promise<SubjectFolder> {
  const testFolder = join(folder, format.test.folder);
  if (!isDirectory(testFolder)) {
    throw new UsageError(`${suiteId}: ${folder} has no ${format.test.folder}/ folder (expected ${format.test.folder}/<subject>${format.test.suffix} files)`);
  }
  const subjects = readdirSync(testFolder)
    .filter((name) => name.endsWith(format.test.suffix))
    .map((name) => name.slice(0, -format.test.suffix.length))
    .sort();
  if (subjects.length === 0) throw new UsageError(`${suiteId}: ${testFolder} holds no <subject>${format.test.suffix} files`);
  const hashes: string[] = [];
  const result: SubjectData[] = [];
  for (const subject of subjects) {
    const test = await readChoiceCsv(join(testFolder, `${subject}${format.test.suffix}`), format.header, hashes);
    const devPath = join(folder, format.dev.folder, `${subject}${format.dev.suffix}`);
    const dev = existsSync(devPath) ? await readChoiceCsv(devPath, format.header, hashes) : [];
    result.push({ subject, test, dev });
  }
  return { folder, subjects: result, sha256: sha256(hashes.join('\n')) };
}

const ANSWER = /^[ABCD]$/u;

async function readChoiceCsv(path: string, header: boolean, hashes: string[]): Promise<ChoiceItem[]> {
  const loaded = await loadCsv(path, { headers: header });
  hashes.push(loaded.sha256);
  return loaded.rows.map((row) => {
    const where = `${path}:${row.line}`;
    const record = row.value;
    const fields = header ? headerFields(record, where) : positionalFields(record, where);
    const [question, a, b, c, d, answer] = fields;
    if (question.trim() === '') throw new UsageError(`${where}: the question is empty`);
    const letter = answer.trim();
    if (!ANSWER.test(letter)) throw new UsageError(`${where}: the answer must be A, B, C or D, found ${JSON.stringify(answer)}`);
    return { question, choices: [a, b, c, d], answer: letter as ChoiceItem['answer'] };
  });
}

type Six = [string, string, string, string, string, string];

/** MMLU: no header, exactly six fields: question, A, B, C, D, answer. */
function positionalFields(record: Record<string, unknown>, where: string): Six {
  const values = Object.keys(record)
    .sort((left, right) => Number(left) - Number(right))
    .map((key) => record[key]);
  if (values.length !== 6) throw new UsageError(`${where}: expected 6 fields (question, A, B, C, D, answer), found ${values.length}`);
  return values.map((value) => String(value ?? '')) as Six;
}

/** CMMLU (`,Question,A,B,C,D,Answer`) and C-Eval (`id,question,A,B,C,D,answer[,explanation]`): by column name. */
function headerFields(record: Record<string, unknown>, where: string): Six {
  const byName = new Map(Object.entries(record).map(([key, value]) => [key.trim().toLowerCase(), value]));
  return (['question', 'a', 'b', 'c', 'd', 'answer'] as const).map((name) => {
    const value = byName.get(name);
    if (typeof value !== 'string') throw new UsageError(`${where}: column "${name === 'a' || name === 'b' || name === 'c' || name === 'd' ? name.toUpperCase() : name}" is missing (header must name question, A, B, C, D, answer)`);
    return value;
  }) as Six;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
