/**
 * mt-score: corpus BLEU, chrF and chrF++ of the 1,976-segment WMT23 zh-en test set (GPT4-5shot
 * against refA), (1) in process, per metric, and (2) through the command line, as a user runs it
 * (`node --import tsx packages/cli/src/bin.ts mt-score ...`: process start, TypeScript loading,
 * reading the files, scoring, printing). Each is run `--rounds` times (default 5); the table shows
 * the median and the fastest wall time, and for the command lines the CPU time of the child process
 * (user + system, from /proc: it shows the work done when a loaded machine stretches wall time). Target: the command line under 1 s in total (sacreBLEU 2.6 needs
 * about 3 s). With `--sacrebleu <path>` the same files are also timed through that sacreBLEU
 * executable, in the same run, for a ratio on this machine.
 *
 *   npx -y pnpm@10 --filter @ladder/perf mt-score [-- --rounds 5 --sacrebleu /path/to/venv/bin/sacrebleu]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pythonRstrip, scoreTranslations, type TranslationMetric } from '@ladder/scorers/translation';
import { printTable } from '../shared/table.js';

const option = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
};
const rounds = Number(option('rounds') ?? 5);
const sacrebleu = option('sacrebleu');
const repository = fileURLToPath(new URL('../../../', import.meta.url));
const data = fileURLToPath(new URL('../../../../shared/datasets/wmt23/', import.meta.url));
const hypothesisFile = `${data}generaltest2023.zh-en.hyp.GPT4-5shot.en`;
const referenceFile = `${data}generaltest2023.zh-en.ref.refA.en`;

function readLines(path: string): string[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map(pythonRstrip);
}

/** CPU time (user + system, ms) of this process's finished children, from /proc/self/stat (Linux); null elsewhere. */
function childrenCpuMs(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    // After the command name: field 16 (cutime) and 17 (cstime) of proc(5) are at 13 and 14, in clock ticks of 10 ms.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}

interface Timing {
  median: number;
  fastest: number;
  /** Median CPU time of the child process per round, for command-line rows. */
  cpu: number | null;
}

function time(work: () => void): Timing {
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const cpuBefore = childrenCpuMs();
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
    const cpuAfter = childrenCpuMs();
    if (cpuBefore !== null && cpuAfter !== null) cpu.push(cpuAfter - cpuBefore);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  return { median: median(samples), fastest: Math.min(...samples), cpu: cpu.length === 0 || cpu.every((value) => value === 0) ? null : median(cpu) };
}

const rows: string[][] = [];
const add = (what: string, timing: Timing, score: string) =>
  rows.push([what, timing.median.toFixed(0), timing.fastest.toFixed(0), timing.cpu === null ? '' : timing.cpu.toFixed(0), score]);

const hypotheses = readLines(hypothesisFile);
const references = readLines(referenceFile);
let scores = scoreTranslations(hypotheses, [references], { metrics: ['bleu', 'chrf', 'chrf++'] });
for (const metric of ['bleu', 'chrf', 'chrf++'] as TranslationMetric[]) {
  add(`in process: ${metric}`, time(() => scoreTranslations(hypotheses, [references], { metrics: [metric] })), (scores[metric]?.score ?? Number.NaN).toFixed(4));
}
add('in process: read files + bleu,chrf,chrf++', time(() => {
  scores = scoreTranslations(readLines(hypothesisFile), [readLines(referenceFile)], { metrics: ['bleu', 'chrf', 'chrf++'] });
}), ['bleu', 'chrf', 'chrf++'].map((metric) => (scores[metric as TranslationMetric]?.score ?? Number.NaN).toFixed(2)).join(' / '));

const loader = pathToFileURL(`${repository}node_modules/tsx/dist/loader.mjs`).href;
const cliArguments = ['mt-score', '--hyp', hypothesisFile, '--ref', referenceFile, '--metrics', 'bleu,chrf,chrf++'];
let cliOutput = '';
const cli = time(() => {
  cliOutput = execFileSync(process.execPath, ['--import', loader, `${repository}packages/cli/src/bin.ts`, ...cliArguments], { encoding: 'utf8' });
});
const parsed = JSON.parse(cliOutput) as Record<string, { score: number }>;
add('command line: ladder mt-score (node + tsx)', cli, ['bleu', 'chrf', 'chrf++'].map((metric) => (parsed[metric]?.score ?? Number.NaN).toFixed(2)).join(' / '));
const startup = time(() => execFileSync(process.execPath, ['--import', loader, `${repository}packages/cli/src/bin.ts`, 'mt-score', '--help'], { encoding: 'utf8' }));
add('command line: ladder mt-score --help (start-up only)', startup, '');

if (sacrebleu !== undefined) {
  const numbers = (output: string) => (output.match(/\d+\.\d+/g) ?? []).join(' / ');
  let output = '';
  const bleuChrf = time(() => (output = execFileSync(sacrebleu, [referenceFile, '-i', hypothesisFile, '-m', 'bleu', 'chrf', '-b', '-w', '4'], { encoding: 'utf8' })));
  add('sacreBLEU: -m bleu chrf', bleuChrf, numbers(output));
  const chrfPlusPlus = time(() => (output = execFileSync(sacrebleu, [referenceFile, '-i', hypothesisFile, '-m', 'chrf', '--chrf-word-order', '2', '-b', '-w', '4'], { encoding: 'utf8' })));
  add('sacreBLEU: -m chrf --chrf-word-order 2', chrfPlusPlus, numbers(output));
  console.log(`sacreBLEU: ${sacrebleu}; its two calls take ${((bleuChrf.median + chrfPlusPlus.median) / cli.median).toFixed(1)}x the median time of ladder mt-score`);
}

console.log(`WMT23 zh-en, ${hypotheses.length} segments, ${rounds} rounds`);
printTable(['what', 'median ms', 'fastest ms', 'CPU ms (child)', 'score'], rows);
if (cli.median > 1000) console.log(`the command line is over the 1 s target (median ${cli.median.toFixed(0)} ms)`);
