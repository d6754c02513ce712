import type { Suite } from '@ladder/core';
import { demoLanguage } from './demo-language.js';

export { demoLanguage };

/** Every suite of the language family, in catalog order. */
export const suites: Suite[] = [demoLanguage];
