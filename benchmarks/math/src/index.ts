import type { Suite } from '@ladder/core';
import { demoMath } from './demo-math.js';
import {
  aime24Dataset,
  aime25Dataset,
  cmathDataset,
  cnMiddleSchoolDataset,
  collegeMathDataset,
  gaokao2023enDataset,
  gaokao2024Dataset,
  gsm8kDataset,
  math500Dataset,
  olympiadBenchDataset,
} from './math-datasets.js';
import { createMathSuite } from './math-suite.js';

export const gsm8k: Suite = createMathSuite(gsm8kDataset);
export const math500: Suite = createMathSuite(math500Dataset);
export const aime24: Suite = createMathSuite(aime24Dataset);
export const aime25: Suite = createMathSuite(aime25Dataset);
export const gaokao2023en: Suite = createMathSuite(gaokao2023enDataset);
export const gaokao2024: Suite = createMathSuite(gaokao2024Dataset);
export const cmath: Suite = createMathSuite(cmathDataset);
export const cnMiddleSchool: Suite = createMathSuite(cnMiddleSchoolDataset);
export const olympiadBench: Suite = createMathSuite(olympiadBenchDataset);
export const collegeMath: Suite = createMathSuite(collegeMathDataset);

export { demoMath };
export { MATH_INSTRUCTION } from './math-suite.js';

/** Every suite of the math family, in catalog order. */
export const suites: Suite[] = [demoMath, gsm8k, math500, aime24, aime25, gaokao2023en, gaokao2024, cmath, cnMiddleSchool, olympiadBench, collegeMath];
