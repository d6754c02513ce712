import { describe, expect, it } from 'vitest';
import { readMathCot100, SHARED_DIR } from './data.test-helpers.js';
import { mathEqual } from './equal.js';
import { extractMathAnswer } from './extract.js';
import { normalizeMathAnswer } from './normalize.js';
import { mathAnswer } from './scorer.js';

// Ladder's verdict (extractMathAnswer + mathEqual against `gt`) against the Qwen2.5-Math grader's `score`
// on the 800 responses of math_cot_100.jsonl. Disagreements and who is right: DISAGREEMENTS.md
// (at the time of writing there are none: 800/800, and the extracted answers equal Qwen's `pred` 800/800).
describe('agreement with the Qwen2.5-Math grader on math_cot_100 (800 responses)', () => {
  const rows = readMathCot100();

  it('reads the data from /work/shared', () => {
    expect(SHARED_DIR.replace(/\/$/u, '')).toMatch(/\/shared$/u);
    expect(rows).toHaveLength(100);
    expect(rows.every((row) => row.code.length === 8 && row.score.length === 8)).toBe(true);
  });

  it('agrees on at least 99% of verdicts (≥ 792/800), listing every disagreement', () => {
    const disagreements: string[] = [];
    let agreements = 0;
    let total = 0;
    for (const [index, row] of rows.entries()) {
      row.code.forEach((response, k) => {
        total += 1;
        const extracted = extractMathAnswer(response);
        const ours = extracted !== undefined && mathEqual(extracted, row.gt);
        if (ours === row.score[k]) {
          agreements += 1;
        } else {
          disagreements.push(
            `#${index}/${k} (idx ${row.idx}) tail=${JSON.stringify(response.slice(-120))} extracted=${JSON.stringify(extracted)} gt=${JSON.stringify(row.gt)} reference=${row.score[k]} ours=${ours}`,
          );
        }
      });
    }
    console.log(`math_cot_100: ${agreements}/${total} verdicts agree${disagreements.length > 0 ? `\n${disagreements.join('\n')}` : ''}`);
    expect(total).toBe(800);
    expect(agreements).toBeGreaterThanOrEqual(792);
  });

  it('extracts the same answer as Qwen\'s parser (its `pred` field) on at least 99% of responses', () => {
    let same = 0;
    let total = 0;
    for (const row of rows) {
      row.code.forEach((response, k) => {
        total += 1;
        if ((extractMathAnswer(response) ?? '') === row.pred[k]) same += 1;
      });
    }
    expect(same).toBeGreaterThanOrEqual(792);
  });

  it('derives every `gt` the way Qwen does: strip_string(answer) and extract_answer(solution)', () => {
    const mismatches = rows.filter((row) => normalizeMathAnswer(row.answer) !== row.gt || extractMathAnswer(row.solution) !== row.gt);
    expect(mismatches.map((row) => row.idx)).toEqual([]);
  });

  it('the `math` scorer, given the raw MATH answers as targets, gives the same verdicts', async () => {
    const scorer = mathAnswer();
    let agreements = 0;
    for (const row of rows) {
      for (const [k, response] of row.code.entries()) {
        const score = await scorer.score({ sample: { id: String(row.idx), input: '', targets: [row.answer], metadata: {} }, output: response });
        if ((score.value === 1) === row.score[k]) agreements += 1;
      }
    }
    expect(agreements).toBeGreaterThanOrEqual(792);
  });
});
