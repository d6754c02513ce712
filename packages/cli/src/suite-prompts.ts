import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ChatMessage, LoadedDataset, Suite, SuiteManifest } from '@ladder/core';
import type { PromptSource } from '@ladder/report';

/**
 * Prompts for the site's sample pages, rendered again from the suites' definitions and data
 * (the journal keeps only each prompt's sha256; the report shows a prompt only when its hash
 * matches). The data is the suite's own, else the file or folder the run read (`--data`).
 */
export function catalogPromptSource(catalog: Map<string, Suite>, options: { baseDir: string }): PromptSource {
  return async ({ suite: manifest, sampleIds }) => {
    const suite = suiteOfRun(catalog, manifest.id);
    if (suite === undefined) return { unavailable: `suite ${manifest.id} is not in this Ladder's catalog; if a ladder.config.ts defines it, pass it with --config` };
    if (suite.version !== manifest.version) return { unavailable: `suite ${manifest.id} is at version ${suite.version} now; the run used version ${manifest.version}` };
    let dataset: LoadedDataset;
    try {
      dataset = await loadAsRun(suite, manifest, options.baseDir);
    } catch (error) {
      return { unavailable: `the data of ${manifest.id} could not be read (${oneLine(error)})` };
    }
    const wanted = new Set(sampleIds);
    const prompts = new Map<string, ChatMessage[]>();
    for (const sample of dataset.samples) {
      if (!wanted.has(sample.id)) continue;
      try {
        prompts.set(sample.id, suite.prompt(sample));
      } catch {
        // A prompt that no longer renders is shown as missing.
      }
    }
    return prompts;
  };
}

/** The suite's data as the run saw it: its default source, else the local path the run recorded, preferring one whose sha256 matches. */
async function loadAsRun(suite: Suite, manifest: SuiteManifest, baseDir: string): Promise<LoadedDataset> {
  const attempts: { dataPath?: string }[] = [{}];
  if (manifest.datasetSource !== '' && !/^[a-z]+:\/\//i.test(manifest.datasetSource) && existsSync(manifest.datasetSource)) attempts.push({ dataPath: manifest.datasetSource });
  // A suite read from several files of one folder (`--data <folder>`) records them as a list.
  const files = manifest.datasetSource.split(', ');
  const folder = dirname(files[0] ?? '');
  if (files.length > 1 && files.every((file) => dirname(file) === folder && existsSync(file))) attempts.push({ dataPath: folder });
  let loaded: LoadedDataset | undefined;
  let firstError: unknown;
  for (const attempt of attempts) {
    try {
      const dataset = await suite.load({ baseDir, ...attempt });
      if (dataset.sha256 === manifest.datasetSha256) return dataset;
      loaded ??= dataset;
    } catch (error) {
      firstError ??= error;
    }
  }
  if (loaded !== undefined) return loaded;
  throw firstError;
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ').trim();
}

/** The catalog's suite a run recorded, including a suite run in one of its modes (`<id>@<mode>`). */
function suiteOfRun(catalog: Map<string, Suite>, id: string): Suite | undefined {
  const suite = catalog.get(id);
  const at = id.indexOf('@');
  if (suite !== undefined || at <= 0) return suite;
  const base = catalog.get(id.slice(0, at));
  if (base?.withMode === undefined) return undefined;
  try {
    return base.withMode(id.slice(at + 1));
  } catch {
    return undefined;
  }
}
