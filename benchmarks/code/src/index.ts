import type { Suite } from '@ladder/core';
import { demoCode } from './demo-code.js';

export { demoCode };

/** Every suite of the code family, in catalog order. */
export const suites: Suite[] = [demoCode];

