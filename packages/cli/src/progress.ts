import type { SampleRecord } from '@ladder/core';
import type { RunHooks } from '@ladder/runner';

export interface ProgressReporter extends RunHooks {
  start(total: number, already: number): void;
  stop(message: string): void;
}

/** A progress bar on a terminal, plain lines otherwise (CI=true, pipes, files). */
export async function createProgress(label: string): Promise<ProgressReporter> {
  const interactive = process.stdout.isTTY === true && process.env.CI !== 'true' && process.env.CI !== '1';
  return interactive ? createInteractiveProgress(label) : createPlainProgress(label);
}

async function createInteractiveProgress(label: string): Promise<ProgressReporter> {
  const clack = await import('@clack/prompts');
  let bar: ReturnType<typeof clack.progress> | undefined;
  let errors = 0;
  let lastDraw = 0;
  let pending = 0;
  return {
    start(total, already) {
      bar = clack.progress({ max: Math.max(1, total) });
      bar.start(`${label}: ${already}/${total}`);
      if (already > 0) bar.advance(already);
    },
    onSampleEnd(record: SampleRecord, progress) {
      if (record.status === 'model_error' || record.status === 'timeout' || record.status === 'scorer_error') errors += 1;
      pending += 1;
      const now = Date.now();
      if (now - lastDraw > 100 || progress.done === progress.total) {
        bar?.advance(pending, `${label}: ${progress.done}/${progress.total}${errors > 0 ? ` · ${errors} errors` : ''}`);
        pending = 0;
        lastDraw = now;
      }
    },
    stop(message) {
      bar?.stop(message);
    },
  };
}

function createPlainProgress(label: string): ProgressReporter {
  let errors = 0;
  let lastLine = 0;
  let lastPercent = -1;
  return {
    start(total, already) {
      console.log(`${label}: ${total} samples planned${already > 0 ? `, ${already} already in the journal` : ''}`);
      lastLine = Date.now();
    },
    onSampleEnd(record, progress) {
      if (record.status === 'model_error' || record.status === 'timeout' || record.status === 'scorer_error') errors += 1;
      const percent = Math.floor((progress.done / Math.max(1, progress.total)) * 10) * 10;
      const now = Date.now();
      if (progress.done === progress.total || (percent > lastPercent && now - lastLine > 2000) || now - lastLine > 30_000) {
        console.log(`${label}: ${progress.done}/${progress.total} (${Math.floor((progress.done / Math.max(1, progress.total)) * 100)}%)${errors > 0 ? ` · ${errors} errors` : ''}`);
        lastLine = now;
        lastPercent = percent;
      }
    },
    stop(message) {
      console.log(message);
    },
  };
}
