import type { Scorer } from '@ladder/core';
import { runJavaScript } from './executor.js';
import { extractJavaScript } from './extract-code.js';

export interface JsFunctionTestsOptions {
  /** Wall-clock limit per program (default 10 s). */
  timeoutMs?: number;
}

/**
 * Code suites in JavaScript: the program from the answer followed by the sample's tests
 * (`metadata.tests`, statements with `assert` from node:assert/strict in scope) runs in a
 * child process (`runJavaScript`); 1 when it exits cleanly. The outcome (`passed`, `failed`,
 * `timeout`, `error`) and the first lines of the error are kept on the sample.
 */
export function jsFunctionTests(options: JsFunctionTestsOptions = {}): Scorer {
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
      const result = await runJavaScript({
        source,
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
        ...(abortSignal === undefined ? {} : { abortSignal }),
      });
      const message = firstErrorLines(result.stderr);
      return {
        value: result.outcome === 'passed' ? 1 : 0,
        answer: code,
        ...(result.outcome === 'passed' ? {} : { explanation: `${result.outcome}${message === '' ? '' : `: ${message}`}` }),
        details: { outcome: result.outcome, durationMs: Math.round(result.durationMs), ...(message === '' ? {} : { message }) },
      };
    },
  };
}

function firstErrorLines(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  // Node prints the failing source line and a caret first; the error itself is what matters.
  const error = lines.find((line) => /^[A-Z][\w.]*(Error|Exception)\b/u.test(line));
  return (error ?? lines.slice(0, 3).join(' | ')).slice(0, 500);
}
