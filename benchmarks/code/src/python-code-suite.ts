import { UsageError, type LoadContext, type LoadedDataset, type Sample } from '@ladder/core';
import { ItemFields, loadRows, locateData, type PinnedGithubFile } from '@ladder/datasets';

/** What the oracle answers: a complete Python program in the fenced block the prompts ask for. */
export function fencedPython(code: string): string {
  return `\`\`\`python\n${code.replace(/\r\n?/g, '\n').replace(/\s+$/, '')}\n\`\`\``;
}

/** The closing instruction of every Python code prompt (benchmarks/code/README.md). */
export const PYTHON_ANSWER_FORMAT =
  'Reply with the complete Python function, with its signature and any imports and helper functions it needs, ' +
  'in one fenced code block that starts with ```python and ends with ```. Use only the standard library. ' +
  'Do not add tests, example usage, print() or input() calls.';

/** One data file of a Python code suite and how its rows become samples. */
export interface PythonCodeDataset {
  /** The suite id: the folder under the data directory and the name in error messages. */
  id: string;
  /** The file name under `<data dir>/<id>/`. */
  file: string;
  source: PinnedGithubFile;
  /** Problems in the pinned file. */
  items: number;
  read(fields: ItemFields, value: Record<string, unknown>): Sample;
}

/** `--data`, else `<data dir>/<suite>/<file>`, else the pinned download; every row read with checks; ids unique. */
export async function loadPythonCodeDataset(dataset: PythonCodeDataset, context: LoadContext): Promise<LoadedDataset> {
  const path = await locateData({ suite: dataset.id, file: dataset.file, dataPath: context.dataPath, source: dataset.source });
  const loaded = await loadRows(path);
  const lineOf = new Map<string, number>();
  const samples = loaded.rows.map((row) => {
    const sample = dataset.read(new ItemFields(`${path}:${row.line}`, row.value), row.value);
    const previous = lineOf.get(sample.id);
    if (previous !== undefined) throw new UsageError(`${path}:${row.line}: task id "${sample.id}" already used on line ${previous}; ids must be unique`);
    lineOf.set(sample.id, row.line);
    return sample;
  });
  if (samples.length === 0) throw new UsageError(`${path}: no problems in the file`);
  return { samples, sha256: loaded.sha256, source: path };
}

/** A list of non-empty strings of any length (MBPP's `test_list`); `minimum` entries at least. */
export function stringList(fields: ItemFields, value: Record<string, unknown>, field: string, minimum: number, hint: string): string[] {
  const list = value[field];
  if (!Array.isArray(list)) throw fields.error(field, list === undefined ? 'is missing' : 'must be a list', hint);
  if (list.length < minimum) throw fields.error(field, `must hold at least ${minimum} entries, found ${list.length}`, hint);
  list.forEach((entry, index) => {
    if (typeof entry !== 'string') throw fields.error(field, `entry ${index + 1} must be a string`, hint);
  });
  return list as string[];
}

/** A task id given as a number or a string. */
export function taskId(fields: ItemFields, value: Record<string, unknown>, hint: string): string {
  const id = value.task_id;
  if (typeof id === 'number' && Number.isInteger(id)) return String(id);
  return fields.string('task_id', hint).trim();
}
