import { sha256, stableStringify, type ChatMessage, type SuiteManifest } from '@ladder/core';
import { promptNote, renderPromptBlock, type PromptBlock } from './sample-page.js';

/**
 * Renders a suite's prompts again (the journal keeps only each prompt's sha256, so runs stay
 * small): the CLI does it from the suite definitions and their data. It gets the ids of the
 * samples the run asked and gives back their messages, or why it cannot.
 */
export type PromptSource = (request: { suite: SuiteManifest; sampleIds: string[] }) => Promise<Map<string, ChatMessage[]> | { unavailable: string }>;

export interface SuitePrompts {
  /** The prompt block of each sample whose re-rendered prompt matches the hash the run recorded. */
  blocks: Map<string, PromptBlock>;
  /** What every sample without a block shows instead. */
  fallback: PromptBlock;
  /** One line for the top of the suite's pages. */
  note: string;
}

/** A suite's prompt blocks: only prompts whose sha256 equals the run's are shown, so a page never shows a prompt the model did not see. */
export async function preparePrompts(suite: SuiteManifest, source: PromptSource | null): Promise<SuitePrompts> {
  const sampleIds = Object.keys(suite.promptHashes);
  const blocks = new Map<string, PromptBlock>();
  if (source === null) {
    const note = 'Prompts are not shown: the run keeps only their sha256 and this site was built without re-rendering them.';
    return { blocks, fallback: promptNote('Prompt not shown.'), note };
  }
  const rendered = await source({ suite, sampleIds });
  if (!(rendered instanceof Map)) return { blocks, fallback: promptNote('Prompt not shown.'), note: `Prompts are not shown: ${rendered.unavailable}` };
  let changed = 0;
  let missing = 0;
  for (const id of sampleIds) {
    const messages = rendered.get(id);
    if (messages === undefined) missing += 1;
    else if (sha256(stableStringify(messages)) === suite.promptHashes[id]) blocks.set(id, renderPromptBlock(messages));
    else changed += 1;
  }
  const problems = [changed > 0 ? `${changed} no longer match (the suite or its data changed since the run) and are not shown` : '', missing > 0 ? `${missing} are no longer in the data` : '']
    .filter((text) => text !== '')
    .join('; ');
  return {
    blocks,
    fallback: promptNote('Prompt not shown: rendering the suite again no longer gives the prompt this run sent (its sha256 differs), or the sample is gone from the data.'),
    note: `Prompts rendered again from the suite definition: ${blocks.size} of ${sampleIds.length} match the sha256 the run recorded${problems === '' ? '' : `; ${problems}`}.`,
  };
}
