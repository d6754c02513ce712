import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResultRow } from '@ladder/core';
import { samplePagePath } from '@ladder/report';
import { startFakeProvider, type FakeProvider } from '@ladder/test-server';
import { afterEach, describe, expect, it } from 'vitest';
import { SHARED, journalLines, ladder, ladderAsync, readJson, temporaryDirectory } from './cli.js';

const TED = join(SHARED, 'datasets', 'simul', 'simuleval_t2t_timestamps');

function rowsOf(out: string): ResultRow[] {
  return readJson<{ rows: ResultRow[] }>(join(out, 'results.json')).rows;
}

let server: FakeProvider | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('simultaneous translation from the command line', () => {
  it('gives builtin/oracle BLEU 100 and the latencies of a hand computation', () => {
    const out = join(temporaryDirectory(), 'run');
    const result = ladder(['run', '--suite', 'simul-ted-en-de@wait-3,simul-ted-en-de@lag-2s', '--model', 'builtin/oracle', '--data', TED, '--limit', '1', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const [wait3, lag2] = rowsOf(out);
    // Sentence 1: "I'm going to talk today about energy and climate." (9 words, heard at 781 805 813
    // 1194 1844 2370 3133 3291 3787 ms), reference "Heute spreche ich zu Ihnen über Energie und Klima." (9 words).
    //
    // wait-3: word i of the reference is written once i + 2 words are heard, the last three at the
    // end. Delays in words 3 4 5 6 7 8 9 9 9; in ms 813 1194 1844 2370 3133 3291 3787 3787 3787.
    // AL: gamma = |Y|/|X| = 1, tau = 7 (the first delay reaching 9): (1/7) sum (d_i - (i - 1)) = 3.
    // DAL = 3 (no delay is less than 1 after the one before). AP = 60 / 81.
    // AL in ms: |X| = 3787 ms, 1/gamma = 3787/9 ms, tau = 7: (16432 - 21 x 3787/9) / 7 = 1085.095238.
    // DAL in ms: d' = 813, 1233.78, 1844, 2370, 3133, 3553.78, 3974.56, 4395.33, 4816.11 -> 1220.617284.
    // AP in ms: (16432 + 2 x 3787) / (3787 x 9) = 0.704339.
    expect(wait3).toMatchObject({ suite: 'simul-ted-en-de@wait-3', metric: 'BLEU', value: 100, n: 1 });
    expect(wait3?.simultaneous).toMatchObject({ baseSuite: 'simul-ted-en-de', policy: 'wait-3', samples: 1, timedSamples: 1 });
    expect(wait3?.simultaneous?.words).toEqual({ AL: 3, LAAL: 3, DAL: 3, AP: 0.740741, startOffset: 3, endOffset: 0 });
    expect(wait3?.simultaneous?.ms).toEqual({ AL: 1085.095238, LAAL: 1085.095238, DAL: 1220.617284, AP: 0.704339, startOffset: 813, endOffset: 0 });
    //
    // lag-2s: a call at 2 s (5 words heard: the oracle writes 5 of 9 reference words) and one at the
    // end (3787 ms: the other 4). Delays in words 5 5 5 5 5 9 9 9 9; in ms 2000 x 5, 3787 x 4.
    // AL: tau = 6: (5 + 4 + 3 + 2 + 1 + 4) / 6 = 3.166667. DAL: d' = 5 6 7 8 9 10 11 12 13 -> 5.
    // AL in ms: (5 x 2000 + 3787 - 15 x 3787/9) / 6 = 1245.888889; DAL in ms 2000.
    expect(lag2?.value).toBe(100);
    expect(lag2?.simultaneous?.words).toEqual({ AL: 3.166667, LAAL: 3.166667, DAL: 5, AP: 0.753086, startOffset: 5, endOffset: 0 });
    expect(lag2?.simultaneous?.ms).toEqual({ AL: 1245.888889, LAAL: 1245.888889, DAL: 2000, AP: 0.737846, startOffset: 2000, endOffset: 0 });
    // With computation: the same plus the time of the calls so far (a built-in model takes well under a second).
    for (const row of [wait3, lag2]) {
      const aware = row?.simultaneous?.msComputationAware.AL ?? Number.NaN;
      const plain = row?.simultaneous?.ms.AL ?? Number.NaN;
      expect(aware).toBeGreaterThan(plain);
      expect(aware - plain).toBeLessThan(2000);
    }
    const [record] = journalLines(join(out, 'samples.jsonl')).filter((line) => line.suite === 'simul-ted-en-de@wait-3');
    expect(record?.output).toBe('Heute spreche ich zu Ihnen über Energie und Klima.');
    expect((record?.calls as unknown[]).length).toBe(7);
  });

  it('runs wait-1, wait-3 and wait-5 with --simul-policy, and AL rises with k', () => {
    const out = join(temporaryDirectory(), 'run');
    const result = ladder(['run', '--suite', 'simul-ted-en-de', '--simul-policy', 'wait-1,wait-3,wait-5', '--model', 'builtin/oracle', '--data', TED, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const rows = rowsOf(out);
    expect(rows.map((row) => row.suite)).toEqual(['simul-ted-en-de@wait-1', 'simul-ted-en-de@wait-3', 'simul-ted-en-de@wait-5']);
    expect(rows.every((row) => row.value === 100 && row.n === 10)).toBe(true);
    const words = rows.map((row) => row.simultaneous?.words.AL ?? Number.NaN);
    const ms = rows.map((row) => row.simultaneous?.ms.AL ?? Number.NaN);
    expect(words[0]).toBeLessThan(words[1] as number);
    expect(words[1]).toBeLessThan(words[2] as number);
    expect(ms[0]).toBeLessThan(ms[1] as number);
    expect(ms[1]).toBeLessThan(ms[2] as number);
    // Each k later by about k words (a shorter reference than source pulls AL below k).
    expect((words[2] as number) - (words[0] as number)).toBeCloseTo(4, 0);

    // The site finds each policy's suite (`<id>@<policy>`) and the --data folder, and draws the curve.
    const site = join(temporaryDirectory(), 'site');
    const report = ladder(['report', out, '--site', site]);
    expect(report.stderr).toBe('');
    expect(report.status).toBe(0);
    expect(existsSync(join(site, 'charts', 'simultaneous-simul-ted-en-de.svg'))).toBe(true);
    expect(readFileSync(join(site, samplePagePath('simul-ted-en-de@wait-3', 'builtin/oracle')), 'utf8')).not.toMatch(/Prompts are not shown/);
  });

  it('puts a quality-latency table of two models (the oracle and a served model) x policies in summary.md', async () => {
    // A served "interpreter" that takes 20 ms to start answering and echoes each piece of speech in capitals.
    server = await startFakeProvider({ answer: (request) => ({ text: request.prompt.toUpperCase() }), firstTokenDelayMs: 20 });
    const out = join(temporaryDirectory(), 'run');
    const result = await ladderAsync(
      ['run', '--suite', 'simul-ted-en-de', '--simul-policy', 'wait-3,lag-4s', '--model', 'builtin/oracle,vllm/interpreter', '--data', TED, '--limit', '2', '--out', out],
      { env: { VLLM_BASE_URL: `${server.url}/v1` } },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const summary = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(summary).toContain('## Quality and latency: simul-ted-en-de');
    const table = summary.split('\n').filter((line) => /^\| (builtin\/oracle|vllm\/interpreter) \| (wait-3|lag-4s) \|/.test(line));
    expect(table.map((line) => line.split(' | ').slice(0, 3).join(' | '))).toEqual([
      '| builtin/oracle | wait-3 | 100.00',
      '| builtin/oracle | lag-4s | 100.00',
      expect.stringMatching(/^\| vllm\/interpreter \| wait-3 \| \d+\.\d\d$/),
      expect.stringMatching(/^\| vllm\/interpreter \| lag-4s \| \d+\.\d\d$/),
    ]);
    // The served model's own time shows in the computation-aware latency: at least 20 ms a call.
    const served = rowsOf(out).find((row) => row.model === 'vllm/interpreter' && row.suite.endsWith('@wait-3'));
    expect((served?.simultaneous?.msComputationAware.AL ?? 0) - (served?.simultaneous?.ms.AL ?? 0)).toBeGreaterThan(20);
    // It was asked as an interpreter: the instructions, the speech so far piece by piece, what it had committed.
    const requests = server.requests.map((request) => (request.body as { messages: Array<{ role: string; content: string }> }).messages);
    expect(requests.every((messages) => messages[0]?.role === 'system' && messages.at(-1)?.role === 'user')).toBe(true);
    expect(requests.some((messages) => messages.some((message) => message.role === 'assistant'))).toBe(true);
    expect(requests.some((messages) => messages.at(-1)?.content.endsWith('[end of speech]'))).toBe(true);
  });

  it('refuses an unknown policy, and a policy for a suite without policies, in one line', () => {
    const bad = ladder(['run', '--suite', 'simul-ted-en-de@wait-k', '--model', 'builtin/oracle', '--data', TED, '--out', join(temporaryDirectory(), 'run')]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr.trim()).toBe(
      'ladder: --suite simul-ted-en-de@wait-k: simultaneous policy "wait-k": expected wait-<k> (k source units first, e.g. wait-3), lag-<N>s (a call every N seconds, e.g. lag-4s) or full',
    );
    const misplaced = ladder(['run', '--suite', 'demo-math', '--simul-policy', 'wait-3', '--model', 'builtin/oracle', '--out', join(temporaryDirectory(), 'run')]);
    expect(misplaced.status).not.toBe(0);
    expect(misplaced.stderr).toContain('--simul-policy: none of the suites has policies');
  });
});
