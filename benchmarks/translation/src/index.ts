import type { Suite } from '@ladder/core';
import { demoTranslation } from './demo-translation.js';
import { simulEnZh, simulTedEnDe, simulZhEn } from './simultaneous/index.js';

export { demoTranslation };
export * from './simultaneous/index.js';

/** Every suite of the translation family, in catalog order. */
export const suites: Suite[] = [demoTranslation, simulTedEnDe, simulZhEn, simulEnZh];
