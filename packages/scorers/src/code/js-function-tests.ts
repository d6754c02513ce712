import type { Scorer } from '@ladder/core';
import { codeEnvironment, programScore } from './code-score.js';
import { sharedExecutor, type ProgramExecutor } from './execution/executor.js';
import { extractJavaScript } from './extract-code.js';

export interface JsFunctionTestsOptions {
  /** Wall-clock limit per program (default 10 s). */
  timeoutMs?: number;
  /** Where programs run (default: the executor all built-in code scorers share). */
  executor?: ProgramExecutor;
}

/**
 * Code suites in JavaScript: the program from the answer followed by the sample's tests
 * (`metadata.tests`, statements with `assert` from node:assert/strict in scope) runs as an ES
 * module with node in the sandbox of the executor; 1 when it exits cleanly. The outcome
 * (`passed`, `failed`, `timeout`, `error`) and the error's first line are kept on the sample.
 */
export function jsFunctionTests(options: JsFunctionTestsOptions = {}): Scorer {
  const executor = () => options.executor ?? sharedExecutor();
  return {
    name: 'js-tests',
    metric: { name: 'pass@1', kind: 'proportion', scale: 1 },
    async score({ sample, output, abortSignal }) {
      const tests = sample.metadata.tests;
      if (typeof tests !== 'string' || tests.trim() === '') {
        throw new Error(`sample ${sample.id} has no "tests" field for the js-tests scorer`);
      }
      const code = extractJavaScript(output);
      if (code === '') return { value: 0, answer: '', unanswered: true, explanation: 'no code in the answer' };
      const source = `import assert from 'node:assert/strict';\n${code}\n;\n${tests}\n`;
      const result = await executor().run({
        language: 'javascript',
        source,
        ...(options.timeoutMs === undefined ? {} : { limits: { wallMs: options.timeoutMs } }),
        ...(abortSignal === undefined ? {} : { abortSignal }),
      });
      return programScore(code, result);
    },
    environment: (settings) => codeEnvironment(executor(), 'javascript', settings),
  };
}
