import { createEchoModel } from '@ladder/models';
const model = createEchoModel();
const mode = process.argv[2];
const ballast: unknown[] = [];
const prompts = Array.from({ length: 100000 }, (_, i) => [{ role: 'user' as const, content: `Repeat after me: item number ${i}.` }]);
async function consume(options: any) {
  const { stream } = await model.doStream(options);
  let text = '';
  for await (const part of stream) if (part.type === 'text-delta') text += part.delta;
  return text;
}
async function call(options: any) {
  if (mode === 'plain') return consume(options);
  const controller = new AbortController();
  if (mode === 'abort') return consume({ ...options, abortSignal: controller.signal });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_r, reject) => { timer = setTimeout(() => { controller.abort(); reject(new Error('t')); }, 120000); });
  try {
    if (mode === 'timer') return await consume({ ...options, abortSignal: controller.signal });
    return await Promise.race([consume({ ...options, abortSignal: controller.signal }), timedOut]);
  } finally { clearTimeout(timer); }
}
const started = performance.now();
for (let i = 0; i < 100000; i += 1) {
  await call({ prompt: prompts[i]!, settings: {}, requestKey: String(i) });
  if (i % 300 === 0) await new Promise((r) => setImmediate(r));
}
console.log(mode, ballast.length, Math.round(performance.now() - started), 'ms', Math.round(process.resourceUsage().maxRSS / 1024), 'MB');
