import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ladder, temporaryDirectory } from './cli.js';

/**
 * `ladder gate` on real runs: a config suite of 200 sums (exact match) and a corpus-chrF suite,
 * answered by two config models: test/v1 is wrong on every tenth sum, test/v2 also on a tenth
 * (18) of the sums v1 gets right. v1 copies the text to echo exactly, v2 drops a word of one.
 */
const SUMS = 200;
const id = (index: number) => `q${String(index + 1).padStart(3, '0')}`;
const WRONG_V1 = Array.from({ length: SUMS }, (_, index) => index).filter((index) => index % 10 === 0);
const FLIPPED = Array.from({ length: SUMS }, (_, index) => index).filter((index) => index % 10 === 5).slice(0, 18);
const SENTENCES = ['the cat sat on the mat', 'a bird in the hand is worth two in the bush', 'all that glitters is not gold', 'time flies like an arrow', 'fortune favours the bold'];

function config(prompt: string): string {
  return `
const WRONG_V1 = new Set(${JSON.stringify(WRONG_V1.map(id))});
const WRONG_V2 = new Set([...WRONG_V1, ...${JSON.stringify(FLIPPED.map(id))}]);
const usage = { inputTokens: undefined, outputTokens: undefined };

function model(modelId, wrong) {
  return {
    specificationVersion: 'v1',
    provider: 'test',
    modelId,
    async doGenerate({ prompt }) {
      const text = prompt.at(-1)?.content ?? '';
      const echo = /^Repeat: (.*)$/.exec(text);
      // v2 drops the first word of one sentence: corpus chrF falls a little, within the margin.
      if (echo) return { text: modelId === 'v2' && echo[1].endsWith(' 7') ? echo[1].replace(/^\\S+ /, '') : echo[1], finishReason: { unified: 'stop', raw: 'stop' }, usage };
      const sum = /(q\\d+)\\D+(\\d+) plus (\\d+)/.exec(text);
      const value = Number(sum[2]) + Number(sum[3]) + (wrong.has(sum[1]) ? 1 : 0);
      return { text: String(value), finishReason: { unified: 'stop', raw: 'stop' }, usage };
    },
    async doStream(options) {
      const result = await this.doGenerate(options);
      return {
        stream: (async function* () {
          yield { type: 'text-delta', delta: result.text };
          yield { type: 'finish', finishReason: result.finishReason, usage: result.usage };
        })(),
      };
    },
  };
}

export default {
  suites: [
    { id: 'sums', version: '1', data: 'data/sums.jsonl', idField: 'id', prompt: ${JSON.stringify(prompt)}, target: 'answer', scorer: 'exact' },
    { id: 'echoes', version: '1', data: 'data/echoes.jsonl', idField: 'id', prompt: 'Repeat: {{text}}', target: 'text', scorer: 'chrf-corpus' },
  ],
  models: { 'test/v1': model('v1', WRONG_V1), 'test/v2': model('v2', WRONG_V2) },
};
`;
}

describe('ladder gate on real runs', () => {
  const directory = temporaryDirectory();
  mkdirSync(join(directory, 'data'));
  const sums = Array.from({ length: SUMS }, (_, index) => JSON.stringify({ id: id(index), a: index, b: 2 * index + 1, answer: String(3 * index + 1) }));
  writeFileSync(join(directory, 'data', 'sums.jsonl'), `${sums.join('\n')}\n`);
  const echoes = Array.from({ length: 30 }, (_, index) => JSON.stringify({ id: `e${index}`, text: `${SENTENCES[index % SENTENCES.length]} ${index}` }));
  writeFileSync(join(directory, 'data', 'echoes.jsonl'), `${echoes.join('\n')}\n`);
  writeFileSync(join(directory, 'ladder.config.ts'), config('Item {{id}}: what is {{a}} plus {{b}}? Answer with the number.'));
  writeFileSync(join(directory, 'changed.config.ts'), config('Question {{id}}. Compute {{a}} plus {{b}} and give only the number.'));

  const run = (out: string, model: string, extra: string[] = []) => {
    const result = ladder(['run', '--suite', 'sums,echoes', '--model', model, '--out', join(directory, out), ...extra], { cwd: directory });
    expect(result.status, result.stderr).toBe(0);
  };
  const gate = (candidate: string, extra: string[] = []) => ladder(['gate', '--baseline', 'base', '--candidate', candidate, ...extra], { cwd: directory });

  it('passes a candidate identical to the baseline (exit 0)', () => {
    run('base', 'test/v1');
    run('same', 'test/v1');
    const result = gate('same');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^sums\s+test\/v1\s+accuracy\s+200\s+90\.0%\s+90\.0%\s+\+0\.0 pts.*pass$/m);
    expect(result.stdout).toMatch(/^echoes\s+test\/v1\s+chrF\s+30\s+100\.00\s+100\.00\s+\+0\.00.*pass$/m);
    expect(result.stdout).toMatch(/^PASS: no suite is measurably worse/m);
  });

  it('fails a candidate wrong on a tenth of the passing items (exit 1) and lists exactly those, in every report', () => {
    run('worse', 'test/v2');
    const result = gate('worse', ['--markdown', 'out/gate.md', '--junit', 'out/junit.xml', '--json', 'out/gate.json', '--site', 'https://ci.example/site']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^sums\s+test\/v1 → test\/v2\s+accuracy\s+200\s+90\.0%\s+81\.0%\s+−9\.0 pts.*regression$/m);
    expect(result.stdout).toMatch(/^echoes\s+test\/v1 → test\/v2\s+chrF\s+30\s+100\.00\s+99\.\d\d\s+−0\.\d\d.*pass$/m);
    expect(result.stdout).toContain(`sums (test/v1 → test/v2): McNemar's exact test; 18 samples flipped pass → fail:\n  ${FLIPPED.map(id).join(', ')}\n`);
    expect(result.stdout).toMatch(/^REGRESSION: sums \(test\/v1 → test\/v2\)/m);

    const markdown = readFileSync(join(directory, 'out', 'gate.md'), 'utf8');
    expect(markdown).toMatch(/^## ❌ Ladder gate: regression/);
    for (const index of FLIPPED) expect(markdown).toContain(`| [${id(index)}](https://ci.example/site/samples/sums/test_2fv2.html#s-${id(index)}-r0) | pass \`${3 * index + 1}\` | fail \`${3 * index + 2}\` |`);
    const junit = readFileSync(join(directory, 'out', 'junit.xml'), 'utf8');
    expect(junit).toContain('<testsuites name="ladder gate" tests="2" failures="1" errors="0">');
    expect(junit).toMatch(/<testcase classname="ladder\.gate\.sums" name="sums \(test\/v1 → test\/v2\)">\s*<failure type="regression"/);
    const report = JSON.parse(readFileSync(join(directory, 'out', 'gate.json'), 'utf8')) as { exitCode: number; comparisons: { suite: string; flips: { sampleId: string }[] }[] };
    expect(report.exitCode).toBe(1);
    expect(report.comparisons.find((comparison) => comparison.suite === 'sums')?.flips.map((flip) => flip.sampleId)).toEqual(FLIPPED.map(id));
  });

  it('refuses a run whose prompt template changed (exit 2, one line naming the change); --allow-drift compares and lists it', () => {
    run('changed', 'test/v1', ['--config', 'changed.config.ts']);
    const refused = gate('changed', ['--markdown', 'out/refused.md']);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe('ladder: sums: the prompts differ for 200 of 200 samples (first: q001) — the prompt template changed; rerun the baseline or pass --allow-drift\n');
    expect(readFileSync(join(directory, 'out', 'refused.md'), 'utf8')).toContain('## ⚠️ Ladder gate: cannot compare');

    const allowed = gate('changed', ['--allow-drift']);
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toContain('drift (compared anyway, --allow-drift):\n  sums: the prompts differ for 200 of 200 samples (first: q001) — the prompt template changed');
  });

  it('bad input is one line and exit 2', () => {
    const missing = ladder(['gate', '--baseline', 'base'], { cwd: directory });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('ladder: ladder gate: give both --baseline <run-dir> and --candidate <run-dir> (folders written by ladder run)\n');
    const notRun = gate('data');
    expect(notRun.status).toBe(2);
    expect(notRun.stderr).toMatch(/^ladder: data: not a run directory \(no manifest\.json\)/);
  });
});
