import type { Suite } from '@ladder/core';
import { ceval } from './ceval.js';
import { cmmlu } from './cmmlu.js';
import { demoLanguage } from './demo-language.js';
import { mmlu } from './mmlu.js';

export { demoLanguage, mmlu, cmmlu, ceval };
export { locateSubjectFolder, readSubjectFolder, MMLU_FORMAT, CMMLU_FORMAT, CEVAL_FORMAT, type SubjectFolderFormat } from './subject-folder.js';
export { defineSubjectChoiceSuite, renderQuestion, type SubjectChoiceSpec } from './subject-choice-suite.js';

/** Every suite of the language family, in catalog order. */
export const suites: Suite[] = [demoLanguage, mmlu, cmmlu, ceval];
