import { defineSubjectChoiceSuite } from './subject-choice-suite.js';
import { CEVAL_FORMAT } from './subject-folder.js';
import { CEVAL_SUBJECT_NAMES } from './subject-names.js';

/**
 * C-Eval (Huang et al. 2023): 52 subjects in Chinese, evaluated on the val split (the test
 * split has no public answers), 5-shot from dev, lm-eval prompt, answer-letter match.
 */
export const ceval = defineSubjectChoiceSuite({
  id: 'ceval',
  description: 'C-Eval val split, 52 Chinese subjects, 5-shot (dev) lm-eval prompt as one user message; answer-letter match',
  format: CEVAL_FORMAT,
  header: (subject) => `以下是中国关于${subject}的单项选择题，请选出其中的正确答案。\n\n`,
  answerCue: '答案：',
  answerSeparator: '',
  subjectName: (subject) => CEVAL_SUBJECT_NAMES[subject] ?? subject,
  missingData: (defaultFolder) =>
    'ceval: no data; pass --data <folder with val/ and dev/> (the <subject>_val.csv and <subject>_dev.csv files of ceval-exam.zip from the ceval/ceval-exam Hugging Face dataset) ' +
    `or put that folder at ${defaultFolder}`,
});
