import type { Suite } from '@ladder/core';
import { ceval } from './ceval.js';
import { circularSuite } from './circular-suite.js';
import { cmmlu } from './cmmlu.js';
import { demoLanguage } from './demo-language.js';
import { mmlu } from './mmlu.js';

export const mmluCircular = circularSuite(mmlu);
export const cmmluCircular = circularSuite(cmmlu);
export const cevalCircular = circularSuite(ceval);

export { demoLanguage, mmlu, cmmlu, ceval, circularSuite };
export { locateSubjectFolder, readSubjectFolder, MMLU_FORMAT, CMMLU_FORMAT, CEVAL_FORMAT, type SubjectFolderFormat } from './subject-folder.js';
export { defineSubjectChoiceSuite, renderQuestion, type SubjectChoiceSpec } from './subject-choice-suite.js';

/** Every suite of the language family, in catalog order. */
export const suites: Suite[] = [demoLanguage, mmlu, cmmlu, ceval, mmluCircular, cmmluCircular, cevalCircular];
