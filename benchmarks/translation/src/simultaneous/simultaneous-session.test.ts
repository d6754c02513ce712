import { fileURLToPath } from 'node:url';
import type { ChatMessage, Sample, SessionReply, SessionRequest, Suite } from '@ladder/core';
import { describe, expect, it } from 'vitest';
import { END_OF_SPEECH } from './interpreter-prompt.js';
import { simulTedEnDe } from './simuleval-example.js';

const SHARED = fileURLToPath(new URL('../../../../../shared/datasets/simul/simuleval_t2t_timestamps', import.meta.url));
const { samples } = await simulTedEnDe.load({ baseDir: '.', dataPath: SHARED });
const first = samples[0] as Sample;

type Answer = (request: SessionRequest, call: number) => string;

/** Runs one sample's session with a scripted model; every call "takes" `callMs`, or comes from the cache. */
async function session(suite: Suite, sample: Sample, answer: Answer, options: { callMs?: number; cachedCalls?: number[] } = {}) {
  const prompts: ChatMessage[][] = [];
  const outcome = await suite.session!.run({
    sample,
    chanceAnswers: samples.map((item) => item.targets[0] ?? ''),
    async generate(request): Promise<SessionReply> {
      prompts.push(request.prompt);
      const cached = options.cachedCalls?.includes(prompts.length) ?? false;
      return { text: answer(request, prompts.length), cached, totalMs: cached ? null : (options.callMs ?? 10) };
    },
  });
  return { ...outcome, prompts };
}

const oracle: Answer = (request) => request.reference?.().oracleAnswer ?? '';

describe('a simultaneous session', () => {
  it('lets the oracle follow wait-3 word by word: the reference, with the delays of the wait-3 schedule', async () => {
    const { output, simultaneous, prompts } = await session(simulTedEnDe.withMode!('wait-3'), first, oracle);
    expect(output).toBe('Heute spreche ich zu Ihnen über Energie und Klima.');
    expect(prompts).toHaveLength(7);
    expect(simultaneous?.emitted.map((unit) => unit.unit)).toEqual(output.split(' '));
    expect(simultaneous?.emitted.map((unit) => unit.words)).toEqual([3, 4, 5, 6, 7, 8, 9, 9, 9]);
    expect(simultaneous?.emitted.map((unit) => unit.ms)).toEqual([813, 1194, 1844, 2370, 3133, 3291, 3787, 3787, 3787]);
    // Each call took 10 ms: the k-th call's words are 10 x k ms later with computation.
    expect(simultaneous?.emitted.map((unit) => unit.msComputationAware)).toEqual([823, 1214, 1874, 2410, 3183, 3351, 3857, 3857, 3857]);
    expect(simultaneous).toMatchObject({ baseSuite: 'simul-ted-en-de', policy: 'wait-3', targetUnit: 'word', source: { units: 9, ms: 3787 }, referenceLength: 9 });
    expect(simultaneous?.steps.map((step) => step.committed)).toEqual([1, 1, 1, 1, 1, 1, 3]);
  });

  it("scores the oracle's translation BLEU 100 under every default policy", async () => {
    for (const policy of simulTedEnDe.modes?.defaults ?? []) {
      const suite = simulTedEnDe.withMode!(policy);
      for (const sample of samples) {
        const { output } = await session(suite, sample, oracle);
        const score = await suite.scorer.score({ sample, output });
        expect(score.value, `${policy} ${sample.id}`).toBeCloseTo(100, 9);
      }
    }
  });

  it('shows the model the speech piece by piece, with what it committed after each, and cuts replies to what wait-k allows', async () => {
    const { output, prompts, simultaneous } = await session(simulTedEnDe.withMode!('wait-3'), first, (_request, call) => (call === 2 ? '' : `w${call}a w${call}b`));
    expect(prompts[0]?.map((message) => message.role)).toEqual(['system', 'user']);
    expect(prompts[0]?.[0]?.content).toContain('simultaneous interpreter');
    expect(prompts[0]?.[1]?.content).toBe("I'm going to");
    expect(prompts[1]?.slice(1)).toEqual([
      { role: 'user', content: "I'm going to" },
      { role: 'assistant', content: 'w1a' },
      { role: 'user', content: 'talk' },
    ]);
    // Call 2 committed nothing: its piece of speech is sent again with the next one.
    expect(prompts[2]?.slice(1)).toEqual([
      { role: 'user', content: "I'm going to" },
      { role: 'assistant', content: 'w1a' },
      { role: 'user', content: 'talk today' },
    ]);
    expect(prompts[6]?.at(-1)?.content).toBe(`climate.\n\n${END_OF_SPEECH}`);
    // After call 3 the translation may hold 3 words: w1a, w3a, w3b.
    expect(output.split(' ').slice(0, 3)).toEqual(['w1a', 'w3a', 'w3b']);
    expect(output.endsWith('w7a w7b')).toBe(true);
    expect(simultaneous?.steps.map((step) => step.committed)).toEqual([1, 0, 2, 1, 1, 1, 2]);
  });

  it('makes the echo baseline a floor: it copies the speech as it arrives', async () => {
    const echo: Answer = (request) => request.prompt.at(-1)?.content ?? '';
    const { output } = await session(simulTedEnDe.withMode!('lag-2s'), first, echo);
    expect(output).toBe(`I'm going to talk today about energy and climate. ${END_OF_SPEECH}`);
    const suite = simulTedEnDe.withMode!('lag-2s');
    expect((await suite.scorer.score({ sample: first, output })).value).toBeLessThan(10);
  });

  it('has no computation-aware delay once a call came from the cache', async () => {
    const { simultaneous } = await session(simulTedEnDe.withMode!('wait-3'), first, oracle, { cachedCalls: [2] });
    expect(simultaneous?.emitted.map((unit) => unit.msComputationAware)).toEqual([823, null, null, null, null, null, null, null, null]);
  });

  it('counts its calls for --dry-run', () => {
    const suite = simulTedEnDe.withMode!('wait-3');
    expect(suite.session?.maxCalls(first)).toBe(7);
    expect(simulTedEnDe.withMode!('full').session?.maxCalls(first)).toBe(1);
  });
});
