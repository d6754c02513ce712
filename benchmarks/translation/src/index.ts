import type { Suite } from '@ladder/core';
import { demoTranslation } from './demo-translation.js';
import { filesSuitePlaceholder } from './files-suite.js';
import { simulEnZh, simulTedEnDe, simulZhEn } from './simultaneous/index.js';
import { standardTranslationSuites } from './standard-suites.js';

export { demoTranslation };
export { standardTranslationSuites, STANDARD_SUITE_FILES } from './standard-suites.js';
export { filesTranslationSuite, FILES_SUITE_ID, type FilesSuiteOptions } from './files-suite.js';
export { createTranslationSuite, type TranslationSuiteOptions } from './translation-suite.js';
export { parsePair, language, LANGUAGE_CODES, type Language } from './languages.js';
export { translationPrompt } from './translation-prompt.js';
export * from './simultaneous/index.js';

/** Every suite of the translation family, in catalog order. */
export const suites: Suite[] = [demoTranslation, ...standardTranslationSuites, filesSuitePlaceholder, simulTedEnDe, simulZhEn, simulEnZh];
