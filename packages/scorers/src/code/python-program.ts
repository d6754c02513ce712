import { definesFunction } from './extract-python.js';

export interface PythonTestProgram {
  /** The code taken from the answer: a whole function (with imports and helpers) or only a body. */
  code: string;
  /** The function the tests call. */
  entryPoint: string;
  /** Python statements that test it (HumanEval: `check` and its call; MBPP: the asserts). */
  tests: string;
  /** HumanEval style: the signature and docstring the answer completes; its imports and helpers come first. */
  prompt?: string | undefined;
  /** Statements between the solution and the tests (MBPP's test imports and setup code). */
  setup?: string | undefined;
}

/**
 * The program that runs: the solution, then `setup`, then `tests`. With a HumanEval `prompt`:
 * an answer that defines the entry point follows the prompt (whose stub, the docstring alone, it
 * replaces; the prompt's imports and helper functions stay defined), and an answer that is only
 * the body completes the prompt, as in openai/human-eval (`prompt + completion`), indented by
 * four spaces when the model wrote it flush left.
 */
export function assemblePythonProgram(program: PythonTestProgram): string {
  const parts: string[] = [];
  if (program.prompt === undefined || program.prompt.trim() === '') parts.push(program.code);
  else if (definesFunction(program.code, program.entryPoint)) parts.push(program.prompt.replace(/\s+$/, ''), '', '', program.code);
  else parts.push(program.prompt.replace(/\s+$/, '') + '\n' + asBody(program.code));
  if (program.setup !== undefined && program.setup.trim() !== '') parts.push('', '', program.setup);
  parts.push('', '', program.tests, '');
  return parts.join('\n');
}

function asBody(code: string): string {
  const firstLine = code.split('\n').find((line) => line.trim() !== '') ?? '';
  if (/^[ \t]/.test(firstLine)) return code;
  return code
    .split('\n')
    .map((line) => (line.trim() === '' ? line : `    ${line}`))
    .join('\n');
}
