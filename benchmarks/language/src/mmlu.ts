import { defineSubjectChoiceSuite } from './subject-choice-suite.js';
import { MMLU_FORMAT } from './subject-folder.js';

/**
 * MMLU (Hendrycks et al. 2021): 57 subjects, four options, 5-shot from each subject's dev split
 * in the lm-eval `mmlu` format (single space in "about abstract algebra."), answer-letter match.
 */
export const mmlu = defineSubjectChoiceSuite({
  id: 'mmlu',
  description: 'MMLU, 57 subjects, 5-shot (dev) lm-eval prompt as one user message; answer-letter match',
  format: MMLU_FORMAT,
  header: (subject) => `The following are multiple choice questions (with answers) about ${subject}.\n\n`,
  answerCue: 'Answer:',
  answerSeparator: ' ',
  subjectName: (subject) => subject.replaceAll('_', ' '),
  missingData: (defaultFolder) =>
    'mmlu: no data; pass --data <folder with test/ and dev/> (the MMLU CSVs from https://people.eecs.berkeley.edu/~hendrycks/data.tar, its data/ folder) ' +
    `or put that folder at ${defaultFolder}`,
});
