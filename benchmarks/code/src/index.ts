import type { Suite } from '@ladder/core';
import { demoCode } from './demo-code.js';
import { humaneval } from './humaneval.js';
import { mbpp, mbppFull } from './mbpp.js';

export { demoCode, humaneval, mbpp, mbppFull };

/** Every suite of the code family, in catalog order. */
export const suites: Suite[] = [demoCode, humaneval, mbpp, mbppFull];
