import type { Suite } from '@ladder/core';
import { demoTranslation } from './demo-translation.js';

export { demoTranslation };

/** Every suite of the translation family, in catalog order. */
export const suites: Suite[] = [demoTranslation];
