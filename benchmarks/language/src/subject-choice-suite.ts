import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError, type Sample, type Suite } from '@ladder/core';
import { downloadPinned, githubRawUrl, isOffline } from '@ladder/datasets';
import { choiceMatch } from '@ladder/scorers';
import { PINNED_FOLDERS } from './pinned-folders.js';
import { defaultSubjectFolder, locateSubjectFolder, readSubjectFolder, type ChoiceItem, type SubjectFolderFormat } from './subject-folder.js';

const LETTERS = ['A', 'B', 'C', 'D'] as const;
/** Few-shot examples per subject: the first five rows of the dev split (lm-eval `first_n`). */
export const SHOTS = 5;

/** What differs between MMLU, CMMLU and C-Eval. */
export interface SubjectChoiceSpec {
  id: string;
  description: string;
  format: SubjectFolderFormat;
  /** The header line(s) before the examples, for a subject's display name. */
  header(subjectName: string): string;
  /** Ends every question: "Answer:" or "答案：". */
  answerCue: string;
  /** Between the cue and an example's letter: " " for "Answer: B", "" for "答案：B". */
  answerSeparator: string;
  /** A subject's name as shown in the header. */
  subjectName(subject: string): string;
  /** The one-line message when no data is found; `defaultFolder` is where the suite looked. */
  missingData(defaultFolder: string): string;
}

/** Python `str.strip()`, as lm-eval's `{{question.strip()}}`. */
function pythonStrip(text: string): string {
  return text.replace(/^[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/gu, '');
}

/** One question with its options, ending with the answer cue (no answer). */
export function renderQuestion(question: string, choices: readonly string[], answerCue: string): string {
  const options = choices.map((choice, index) => `${LETTERS[index] ?? '?'}. ${choice}`).join('\n');
  return `${pythonStrip(question)}\n${options}\n${answerCue}`;
}

/** The header plus the worked examples, as one string shared by every sample of a subject. */
function renderFewShot(spec: SubjectChoiceSpec, subject: string, dev: readonly ChoiceItem[]): string {
  const examples = dev
    .slice(0, SHOTS)
    .map((item) => `${renderQuestion(item.question, item.choices, spec.answerCue)}${spec.answerSeparator}${item.answer}\n\n`)
    .join('');
  return spec.header(spec.subjectName(subject)) + examples;
}

/**
 * No local copy: download the pinned files (each checked against its sha256) into
 * `<folder>.partial/`, which becomes the folder only once every file is there, so an interrupted
 * download never looks like a complete copy; files already downloaded are kept for the next try.
 * Otherwise say in one line where to put the files.
 */
async function downloadSubjectFolder(spec: SubjectChoiceSpec): Promise<string> {
  const folder = defaultSubjectFolder(spec.id);
  const pinned = PINNED_FOLDERS[spec.id];
  if (pinned === undefined) throw new UsageError(spec.missingData(folder));
  const entries = Object.entries(pinned.files);
  const partial = `${folder}.partial`;
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const [path, sha256] = entries[next++] as [string, string];
      await downloadPinned({
        url: githubRawUrl({ repo: pinned.repo, commit: pinned.commit, path: `${pinned.root}/${path}` }),
        sha256,
        cachePath: join(partial, path),
        name: spec.id,
        offline: isOffline(),
      });
    }
  };
  try {
    await Promise.all(Array.from({ length: 8 }, worker));
  } catch (error) {
    const reason = error instanceof Error ? (error.message.replace(/^[^:]*: /, '').split('; with no network')[0] ?? '') : String(error);
    throw new UsageError(`${spec.missingData(folder)}; downloading it failed: ${reason}`);
  }
  renameSync(partial, folder);
  return folder;
}

/**
 * A suite over a folder of per-subject CSVs. Samples are ordered subject by subject
 * (alphabetical file names), rows in file order, so `--limit N` takes the first N questions of
 * the first subjects. Ids are `${subject}/${row index}` (0-based, header excluded).
 */
export function defineSubjectChoiceSuite(spec: SubjectChoiceSpec): Suite {
  return {
    id: spec.id,
    version: '1',
    description: spec.description,
    capabilities: ['knowledge'],
    async load(context) {
      const folder = locateSubjectFolder(spec.id, spec.format, context) ?? (await downloadSubjectFolder(spec));
      const data = await readSubjectFolder(spec.id, folder, spec.format);
      const samples = data.subjects.flatMap(({ subject, test, dev }) => {
        const fewShot = renderFewShot(spec, subject, dev);
        const shots = Math.min(SHOTS, dev.length);
        return test.map(
          (item, index): Sample => ({
            id: `${subject}/${index}`,
            input: item.question,
            targets: [item.answer],
            choices: [...item.choices],
            metadata: { subject, subjectName: spec.subjectName(subject), question: item.question, fewShot, shots },
          }),
        );
      });
      const short = data.subjects.filter(({ test, dev }) => test.length > 0 && dev.length < SHOTS);
      const warnings =
        short.length === 0
          ? []
          : [
              `${spec.id}: ${short.length} of ${data.subjects.length} subjects in ${folder} have fewer than ${SHOTS} ${spec.format.dev.folder}/ examples (${short
                .slice(0, 3)
                .map(({ subject, dev }) => `${subject}: ${dev.length}`)
                .join(', ')}${short.length > 3 ? ', ...' : ''}), so their questions are asked with fewer shots than the suite's ${SHOTS}-shot prompt; put the ${spec.format.dev.folder}/ CSVs beside ${spec.format.test.folder}/ for comparable scores`,
            ];
      return { samples, sha256: data.sha256, source: folder, ...(warnings.length === 0 ? {} : { warnings }) };
    },
    prompt(sample) {
      const question = typeof sample.input === 'string' ? sample.input : String(sample.metadata.question);
      const fewShot = typeof sample.metadata.fewShot === 'string' ? sample.metadata.fewShot : spec.header(String(sample.metadata.subjectName ?? ''));
      return [{ role: 'user', content: fewShot + renderQuestion(question, sample.choices ?? [], spec.answerCue) }];
    },
    generation: { temperature: 0, maxOutputTokens: 32 },
    scorer: choiceMatch(),
    repeats: 1,
    oracleAnswer: (sample) => `Answer: ${sample.targets[0] ?? ''}`,
    groupOf: (sample) => (typeof sample.metadata.subject === 'string' ? sample.metadata.subject : undefined),
  };
}
