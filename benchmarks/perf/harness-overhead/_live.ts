import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Sample, Suite } from '@ladder/core';
import { createEchoModel } from '@ladder/models';
import { planRun, prepareSuite } from '@ladder/runner';
v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const live = (label: string) => { gc(); console.log(label, Math.round(v8.getHeapStatistics().used_heap_size / 1e6)); };
live('start');
const samples: Sample[] = [];
for (let index = 0; index < 100000; index += 1) samples.push({ id: `s${index}`, input: `Repeat after me: item number ${index}.`, targets: [`Repeat after me: item number ${index}.`], metadata: {} });
live('samples');
const suite: Suite = { id: 'e', version: '1', capabilities: [], generation: {}, repeats: 1, async load() { return { samples, sha256: '0', source: 'm' }; },
  prompt: (sample) => [{ role: 'user', content: String(sample.input) }],
  scorer: { name: 'exact', metric: { name: 'accuracy', kind: 'proportion' }, score: ({ output }) => ({ value: output === 'x' ? 1 : 0, answer: output }) } };
const prepared = await prepareSuite(suite, { baseDir: '.' });
live('prepared');
const plan = planRun({ suites: [prepared], models: [{ id: 'builtin/echo', model: createEchoModel(), concurrency: 8 }], seed: 0 });
live('planned');
const keys = new Set<string>(); for (let i = 0; i < 100000; i++) keys.add(`e\u0000builtin/echo\u0000s${i}\u00000`);
live('completed-set');
const m = new Map<string, number>(); for (let i = 0; i < 100000; i++) m.set((i * 7919).toString(16).padStart(32, '0'), i * 500);
live('cache-index');
console.log(plan.items.length, keys.size, m.size);
