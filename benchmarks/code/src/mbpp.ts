import { defineSuite, type Sample, type Suite } from '@ladder/core';
import type { ItemFields } from '@ladder/datasets';
import { pythonFunctionTests } from '@ladder/scorers';
import { PYTHON_ANSWER_FORMAT, fencedPython, loadPythonCodeDataset, stringList, taskId, type PythonCodeDataset } from './python-code-suite.js';

/** The function the tests call: the first one the reference code defines that a test calls. */
function entryPointOf(fields: ItemFields, code: string, tests: string[]): string {
  const defined = [...code.matchAll(/^[ \t]*def[ \t]+([A-Za-z_]\w*)[ \t]*\(/gm)].map((match) => match[1] ?? '');
  const called = defined.find((name) => tests.some((test) => new RegExp(`\\b${name}\\s*\\(`).test(test)));
  if (called === undefined) throw fields.error('code', 'defines no function that test_list calls', 'the reference solution: a function the asserts call');
  return called;
}

function mbppSample(fields: ItemFields, id: string, text: string, code: string, tests: string[], setup: string): Sample {
  return {
    id,
    input: text,
    targets: [],
    metadata: { entryPoint: entryPointOf(fields, code, tests), text, tests: tests.join('\n'), testList: tests, setup, code },
  };
}

/** google-research MBPP, sanitized by hand (Austin et al. 2021): 427 problems. */
export const mbppSanitizedDataset: PythonCodeDataset = {
  id: 'mbpp',
  file: 'sanitized-mbpp.json',
  source: {
    repo: 'google-research/google-research',
    commit: '30adf0ec5f35f9609c2f1d896005e184195d9146',
    path: 'mbpp/sanitized-mbpp.json',
    sha256: 'ca95deaa9a01ef0a6f439f88bcf0dd3db3563d22f22aad6cae04ebb9a8d8c8e9',
  },
  items: 427,
  read(fields, value) {
    const id = taskId(fields, value, 'the MBPP task id, e.g. 2');
    const text = fields.string('prompt', 'the task description');
    const code = fields.string('code', 'the reference solution');
    const tests = stringList(fields, value, 'test_list', 1, 'the assert statements that test the function');
    const imports = value.test_imports === undefined ? [] : stringList(fields, value, 'test_imports', 0, 'import statements the tests need');
    return mbppSample(fields, id, text, code, tests, imports.join('\n'));
  },
};

/**
 * The full MBPP file (974 problems, ids 1-974: prompt 1-10, test 11-510, validation 511-600,
 * train 601-974). The pinned copy is a third-party mirror (see README.md).
 */
export const mbppFullDataset: PythonCodeDataset = {
  id: 'mbpp-full',
  file: 'mbpp.jsonl',
  source: {
    repo: 'patdfb/TPC-EES',
    commit: '30c8c572bfcd0fc5fa537210710d7fde134e4868',
    path: 'mbpp/mbpp.jsonl',
    sha256: 'ccf64ceae9c5403bf50a044cb6d505bfd2a2963ee58338ba268fd65beab92a9f',
  },
  items: 974,
  read(fields, value) {
    const id = taskId(fields, value, 'the MBPP task id, e.g. 11');
    const text = fields.string('text', 'the task description');
    const code = fields.string('code', 'the reference solution');
    const tests = stringList(fields, value, 'test_list', 1, 'the assert statements that test the function');
    const setup = typeof value.test_setup_code === 'string' ? value.test_setup_code : '';
    return mbppSample(fields, id, text, code, tests, setup);
  },
};

/** The MBPP prompt (Austin et al.), asking for the function in a ```python block. */
function mbppPrompt(sample: Sample) {
  const tests = (sample.metadata.testList as string[]).join('\n');
  return [
    {
      role: 'user' as const,
      content: `You are an expert Python programmer, and here is your task: ${String(sample.metadata.text)} Your code should pass these tests:\n\n${tests}\n\n${PYTHON_ANSWER_FORMAT}`,
    },
  ];
}

export function mbppOracleAnswer(sample: Sample): string {
  return fencedPython(String(sample.metadata.code));
}

function mbppSuite(dataset: PythonCodeDataset, description: string): Suite {
  return defineSuite({
    id: dataset.id,
    version: '1',
    description,
    capabilities: ['code'],
    load: (context) => loadPythonCodeDataset(dataset, context),
    prompt: mbppPrompt,
    generation: { temperature: 0, maxOutputTokens: 2048 },
    scorer: pythonFunctionTests(),
    repeats: 1,
    oracleAnswer: mbppOracleAnswer,
    chanceAnswers: (_sample, all) => all.map(mbppOracleAnswer),
    // Not computed: whether another problem's solution passes is not known without running them all.
    chanceScore: () => undefined,
  });
}

export const mbpp = mbppSuite(mbppSanitizedDataset, 'MBPP sanitized: 427 hand-checked basic Python problems (google-research); the tests are shown in the prompt');
export const mbppFull = mbppSuite(mbppFullDataset, 'MBPP full: all 974 basic Python problems (google-research mbpp.jsonl), test_setup_code included');
