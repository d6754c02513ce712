/**
 * Math grading: the 800 responses of Qwen2.5-Math's math_cot_100.jsonl (100 MATH problems × 8
 * samples) through Ladder's `extractMathAnswer` + `mathEqual`, compared with the Qwen grader's
 * verdicts (`score`). Reports agreement, wall time (including the Compute Engine's first use),
 * time per response and the slowest single comparison. Target: under 5 s in total.
 *
 *   npx -y pnpm@10 --filter @ladder/perf math-grading [-- --data /path/to/math_cot_100.jsonl]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractMathAnswer, mathEqual } from '@ladder/scorers';
import { printTable } from '../shared/table.js';

interface Row {
  idx: number;
  gt: string;
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

let responses = 0;
let agreements = 0;
let slowest = { ms: 0, what: '' };
const started = performance.now();
for (const row of rows) {
  row.code.forEach((response, k) => {
    const t0 = performance.now();
    const extracted = extractMathAnswer(response);
    const verdict = extracted !== undefined && mathEqual(extracted, row.gt);
    const ms = performance.now() - t0;
    responses += 1;
    if (verdict === row.score[k]) agreements += 1;
    if (ms > slowest.ms) slowest = { ms, what: `idx ${row.idx}/${k}: ${JSON.stringify(extracted)} vs ${JSON.stringify(row.gt)}` };
  });
}
const wallMs = performance.now() - started;

printTable(
  ['responses', 'agreements', 'wall ms', 'ms per response', 'slowest comparison (ms)', 'slowest'],
  [[String(responses), `${agreements} (${((100 * agreements) / responses).toFixed(2)}%)`, wallMs.toFixed(0), (wallMs / responses).toFixed(3), slowest.ms.toFixed(1), slowest.what]],
);
if (wallMs > 5000) console.log(`over the 5 s target (${wallMs.toFixed(0)} ms)`);
