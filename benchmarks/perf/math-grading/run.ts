/**
 * Math grading: the 800 responses of Qwen2.5-Math's math_cot_100.jsonl (100 MATH problems × 8
 * samples) through each math grader, compared with the Qwen grader's verdicts (`score`):
 *   - `math`: Ladder's `extractMathAnswer` + `mathEqual` against Qwen's `gt` (the Qwen2.5-Math port);
 *   - `math-verify`: the `math-verify` scorer (Math-Verify port) against the raw MATH `answer`.
 * Reports agreement, wall time (including each grader's first use of the Compute Engine), time per
 * response and the slowest single response. Target: under 5 s per grader.
 *
 *   npx -y pnpm@10 --filter @ladder/perf math-grading [-- --data /path/to/math_cot_100.jsonl]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractMathAnswer, mathEqual, mathVerify } from '@ladder/scorers';
import { printTable } from '../shared/table.js';

interface Row {
  idx: number;
  gt: string;
  answer: string;
  code: string[];
  score: boolean[];
}

const dataFlag = process.argv.indexOf('--data');
const dataPath =
  dataFlag === -1
    ? fileURLToPath(new URL('../../../../shared/datasets/qwen25-math-eval/eval_rm_maj_example/math_cot_100.jsonl', import.meta.url))
    : (process.argv[dataFlag + 1] ?? '');
const rows = readFileSync(dataPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Row);

type Grade = (row: Row, response: string) => Promise<{ verdict: boolean; answer: string }>;

const qwenPort: Grade = async (row, response) => {
  const extracted = extractMathAnswer(response);
  return { verdict: extracted !== undefined && mathEqual(extracted, row.gt), answer: extracted ?? '' };
};
const verifyScorer = mathVerify();
const mathVerifyPort: Grade = async (row, response) => {
  const score = await verifyScorer.score({ sample: { id: String(row.idx), input: '', targets: [row.answer], metadata: {} }, output: response });
  return { verdict: score.value === 1, answer: score.answer ?? '' };
};

async function measure(name: string, grade: Grade): Promise<string[]> {
  let responses = 0;
  let agreements = 0;
  let slowest = { ms: 0, what: '' };
  const started = performance.now();
  for (const row of rows) {
    for (const [k, response] of row.code.entries()) {
      const t0 = performance.now();
      const { verdict, answer } = await grade(row, response);
      const ms = performance.now() - t0;
      responses += 1;
      if (verdict === row.score[k]) agreements += 1;
      if (ms > slowest.ms) slowest = { ms, what: `idx ${row.idx}/${k}: ${JSON.stringify(answer).slice(0, 40)}` };
    }
  }
  const wallMs = performance.now() - started;
  if (wallMs > 5000) console.log(`${name}: over the 5 s target (${wallMs.toFixed(0)} ms)`);
  return [name, String(responses), `${agreements} (${((100 * agreements) / responses).toFixed(2)}%)`, wallMs.toFixed(0), (wallMs / responses).toFixed(3), slowest.ms.toFixed(1), slowest.what];
}

printTable(
  ['grader', 'responses', 'agreements with Qwen', 'wall ms', 'ms per response', 'slowest response (ms)', 'slowest'],
  [await measure('math (Qwen2.5-Math port)', qwenPort), await measure('math-verify (Math-Verify port)', mathVerifyPort)],
);
