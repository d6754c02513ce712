import { defineSubjectChoiceSuite } from './subject-choice-suite.js';
import { CMMLU_FORMAT } from './subject-folder.js';
import { CMMLU_SUBJECT_NAMES } from './subject-names.js';

/** CMMLU (Li et al. 2023): 67 subjects in Chinese, 5-shot (dev) lm-eval prompt, answer-letter match. */
export const cmmlu = defineSubjectChoiceSuite({
  id: 'cmmlu',
  description: 'CMMLU, 67 Chinese subjects, 5-shot (dev) lm-eval prompt as one user message; answer-letter match',
  format: CMMLU_FORMAT,
  header: (subject) => `以下是关于${subject}的单项选择题，请直接给出正确答案的选项。\n\n`,
  answerCue: '答案：',
  answerSeparator: '',
  subjectName: (subject) => CMMLU_SUBJECT_NAMES[subject] ?? subject,
  missingData: (defaultFolder) =>
    'cmmlu: no data; pass --data <folder with test/ and dev/> (the CSVs of https://github.com/haonan-li/CMMLU data/, or cmmlu_v1_0_1.zip from the haonan-li/cmmlu Hugging Face dataset) ' +
    `or put that folder at ${defaultFolder}`,
});
