import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeSyntheticRun, type SyntheticSuite } from '@ladder/report/testing';
import { describe, expect, it } from 'vitest';
import { ladderAsync, temporaryDirectory } from './cli.js';

const SUITE: SyntheticSuite = { id: 'arith', capabilities: ['math'], samples: 30 };

function run(root: string, name: string, models: string[], suite: SyntheticSuite = SUITE, status: 'complete' | 'incomplete' = 'complete'): string {
  const directory = join(root, name);
  writeSyntheticRun({ directory, suites: [suite], models, status, sample: ({ model, index }) => ({ score: index < (model.endsWith('new') ? 28 : 10) ? 1 : 0, totalMs: 10 }) });
  return directory;
}

describe('ladder report over several runs', () => {
  const root = temporaryDirectory();
  const first = run(root, 'first', ['lab/old']);
  const second = run(root, 'second', ['lab/new']);

  it('writes the combined results.json, results.csv, summary.md and charts with --out', async () => {
    const out = join(root, 'out');
    const result = await ladderAsync(['report', first, second, '--out', out, '--delta', 'lab/old,lab/new', '--no-prompts']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/1\s+lab\/new\s+100\.0%\s+1 of 1/);
    expect(readdirSync(out).sort()).toEqual(['charts', 'results.csv', 'results.json', 'summary.md']);
    expect(readdirSync(join(out, 'charts')).sort()).toEqual(['capabilities.svg', 'heatmap.svg', 'quality-speed.svg']);
    const summary = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(summary).toContain('## lab/new against lab/old');
    expect(summary).toMatch(/\| arith \| 33\.3% \| 93\.3% \| \*\*\+60\.0 pts\*\* \| \+42\.2 pts to \+77\.8 pts \| paired, 30 samples \|/);
  });

  it('refuses, in one line and before writing anything, a suite x model that two runs both hold', async () => {
    const again = run(root, 'again', ['lab/old']);
    const site = join(root, 'refused-site');
    const result = await ladderAsync(['report', first, again, '--site', site]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([`ladder: ladder report: arith x lab/old is in both ${first} and ${again}; a board takes each suite x model from one run: leave one of the directories out`]);
    expect(existsSync(site)).toBe(false);
  });

  it('refuses a suite run on other data, a bad --delta and a --site folder that holds other files', async () => {
    const other = run(root, 'other-data', ['lab/third'], { ...SUITE, samples: 20 });
    const mismatch = await ladderAsync(['report', first, other, '--out', join(root, 'never')]);
    expect(mismatch.status).toBe(2);
    expect(mismatch.stderr).toMatch(/^ladder: ladder report: suite arith has datasetSha256 \w+ in .*first but \w+ in .*other-data; models are compared only on the same suite version, data and prompts/);
    expect(existsSync(join(root, 'never'))).toBe(false);

    const delta = await ladderAsync(['report', first, second, '--out', join(root, 'never'), '--delta', 'lab/old']);
    expect(delta.stderr.trim()).toBe('ladder: --delta lab/old: name two models, the base first: --delta <base>,<new> (e.g. spark/4.0,spark/4.0-turbo)');

    const unknown = await ladderAsync(['report', first, second, '--out', join(root, 'never'), '--delta', 'lab/old,lab/nope']);
    expect(unknown.stderr.trim()).toBe('ladder: --delta lab/old,lab/nope: no model lab/nope on the board; models: lab/old, lab/new');

    const occupied = join(root, 'occupied');
    mkdirSync(occupied);
    writeFileSync(join(occupied, 'notes.txt'), 'mine');
    const site = await ladderAsync(['report', first, second, '--site', occupied, '--no-prompts']);
    expect(site.status).toBe(2);
    expect(site.stderr.trim()).toMatch(/^ladder: --site .*occupied: the folder holds other files and no Ladder site; give a new or empty folder/);
    expect(readdirSync(occupied)).toEqual(['notes.txt']);
    expect(existsSync(join(root, 'never'))).toBe(false);
  });

  it('says which suites it could not show prompts for, and still builds the site', async () => {
    const site = join(root, 'site');
    const result = await ladderAsync(['report', first, second, '--site', site]);
    expect(result.status).toBe(0);
    expect(result.stderr.trim()).toBe("ladder: arith: Prompts are not shown: suite arith is not in this Ladder's catalog; if a ladder.config.ts defines it, pass it with --config");
    expect(existsSync(join(site, 'samples', 'arith', 'lab_2fold.html'))).toBe(true);
  });

  it('builds a board with an incomplete run, says so on the page and in summary.md, and exits 1', async () => {
    const unfinished = run(root, 'unfinished', ['lab/third'], SUITE, 'incomplete');
    const site = join(root, 'with-incomplete');
    const result = await ladderAsync(['report', first, unfinished, '--site', site, '--no-prompts']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(`ladder: ${unfinished} is incomplete (30 of 30 samples); the report says so`);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toContain('<p class="warning">Incomplete: unfinished has 30 of 30 samples.');
    expect(readFileSync(join(site, 'summary.md'), 'utf8')).toContain('> **Incomplete runs:**');
  });
});
