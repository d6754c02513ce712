import type { Scorer } from '@ladder/core';
import { codeEnvironment, programScore } from './code-score.js';
import { sharedExecutor, type ProgramExecutor } from './execution/executor.js';
import type { ExecutionLimits } from './execution/limits.js';
import { extractPython } from './extract-python.js';
import { assemblePythonProgram } from './python-program.js';

export interface PythonFunctionTestsOptions {
  /** Limits for each program (defaults: 10 s wall and CPU, 1 GiB, 64 processes, 1 MiB of output). */
  limits?: Partial<ExecutionLimits>;
  /** Where programs run (default: the executor all built-in code scorers share). */
  executor?: ProgramExecutor;
}

function field(metadata: Record<string, unknown>, name: string, sampleId: string, required: boolean): string | undefined {
  const value = metadata[name];
  if (value === undefined || value === null) {
    if (required) throw new Error(`sample ${sampleId} has no "${name}" field for the python-tests scorer`);
    return undefined;
  }
  if (typeof value !== 'string') throw new Error(`sample ${sampleId}: field "${name}" must be a string for the python-tests scorer`);
  return value;
}

/**
 * Code suites in Python (HumanEval, MBPP): the program in the answer (`extractPython`), completed
 * with the sample's `prompt` when it has one, then its `setup` and `tests`, runs with
 * /usr/bin/python3 in the sandbox of the executor; 1 when it exits with status 0. The sample's
 * metadata holds `entryPoint` and `tests` (required) and `prompt` and `setup` (optional).
 * Outcomes `passed`, `failed`, `timeout`, `error` and the message are kept on the sample; a
 * sandbox that cannot start is an error of the scorer (`scorer_error`), never a wrong answer.
 */
export function pythonFunctionTests(options: PythonFunctionTestsOptions = {}): Scorer {
  const executor = () => options.executor ?? sharedExecutor();
  return {
    name: 'python-tests',
    metric: { name: 'pass@1', kind: 'proportion', scale: 1 },
    async score({ sample, output, abortSignal }) {
      const entryPoint = field(sample.metadata, 'entryPoint', sample.id, true) as string;
      const tests = field(sample.metadata, 'tests', sample.id, true) as string;
      const code = extractPython(output, entryPoint);
      if (code.trim() === '') return { value: 0, answer: '', unanswered: true, explanation: 'no code in the answer' };
      const source = assemblePythonProgram({
        code,
        entryPoint,
        tests,
        prompt: field(sample.metadata, 'prompt', sample.id, false),
        setup: field(sample.metadata, 'setup', sample.id, false),
      });
      const result = await executor().run({
        language: 'python',
        source,
        ...(options.limits === undefined ? {} : { limits: options.limits }),
        ...(abortSignal === undefined ? {} : { abortSignal }),
      });
      return programScore(code, result);
    },
    environment: (settings) => codeEnvironment(executor(), 'python', settings),
  };
}
