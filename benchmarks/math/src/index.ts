import type { Suite } from '@ladder/core';
import { demoMath } from './demo-math.js';

export { demoMath };

/** Every suite of the math family, in catalog order. */
export const suites: Suite[] = [demoMath];
