import { defineSuite, type Sample, type Suite } from '@ladder/core';
import { pythonFunctionTests } from '@ladder/scorers';
import { PYTHON_ANSWER_FORMAT, fencedPython, loadPythonCodeDataset, type PythonCodeDataset } from './python-code-suite.js';

const IDENTIFIER = /^[A-Za-z_]\w*$/;

export const humanevalDataset: PythonCodeDataset = {
  id: 'humaneval',
  file: 'HumanEval.jsonl.gz',
  source: {
    repo: 'openai/human-eval',
    commit: '6d43fb980f9fee3c892a914eda09951f772ad10d',
    path: 'data/HumanEval.jsonl.gz',
    sha256: 'b796127e635a67f93fb35c04f4cb03cf06f38c8072ee7cee8833d7bee06979ef',
  },
  items: 164,
  read(fields) {
    const id = fields.string('task_id', 'the problem id, e.g. "HumanEval/0"');
    const prompt = fields.string('prompt', 'the signature and docstring the model completes');
    const entryPoint = fields.matching('entry_point', IDENTIFIER, 'the name of the function check() calls');
    const solution = fields.string('canonical_solution', 'the reference body of the function');
    const test = fields.string('test', 'Python code that defines check(candidate)');
    return {
      id,
      input: prompt,
      targets: [],
      // As openai/human-eval runs it: prompt + completion + test + check(entry_point).
      metadata: { entryPoint, prompt, tests: `${test}\n\ncheck(${entryPoint})`, canonicalSolution: solution },
    };
  },
};

/** The model's answer as the oracle gives it: the whole function (prompt and canonical body) in a ```python block. */
export function humanevalOracleAnswer(sample: Sample): string {
  return fencedPython(`${String(sample.metadata.prompt)}${String(sample.metadata.canonicalSolution)}`);
}

/**
 * HumanEval (Chen et al. 2021): 164 hand-written Python problems, a signature and docstring
 * each; the answer passes when check() of the original test runs without error (see README.md).
 */
export const humaneval: Suite = defineSuite({
  id: 'humaneval',
  version: '1',
  description: 'HumanEval: 164 Python functions from a signature and docstring (openai/human-eval); run against the original tests in a sandbox',
  capabilities: ['code'],
  load: (context) => loadPythonCodeDataset(humanevalDataset, context),
  prompt(sample) {
    return [{ role: 'user', content: `Complete the following Python function.\n\n\`\`\`python\n${String(sample.metadata.prompt).replace(/\s+$/, '')}\n\`\`\`\n\n${PYTHON_ANSWER_FORMAT}` }];
  },
  generation: { temperature: 0, maxOutputTokens: 2048 },
  scorer: pythonFunctionTests(),
  repeats: 1,
  oracleAnswer: humanevalOracleAnswer,
  // The random baseline answers with some problem's reference solution.
  chanceAnswers: (_sample, all) => all.map(humanevalOracleAnswer),
    // Not computed: whether another problem's solution passes is not known without running them all.
    chanceScore: () => undefined,
});
