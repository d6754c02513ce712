import { bubblewrapTier } from './bubblewrap-tier.js';
import { interpreterFor, interpreterVersion } from './interpreters.js';
import { resolveLimits, type ExecutionLimits } from './limits.js';
import { SandboxError, type ProgramLanguage, type ProgramRequest, type ProgramResult } from './program.js';
import { subprocessTier } from './subprocess-tier.js';
import type { ExecutionTier, TierName } from './tier.js';
import { WorkerPool } from './worker-pool.js';

export type SandboxChoice = 'auto' | TierName;

/** What a run's programs execute on: recorded in the manifest, since it can change scores. */
export interface ExecutionEnvironment {
  tier: TierName;
  isolation: string;
  /** Set when programs run without the bubblewrap sandbox. */
  warning?: string;
  workers: number;
  limits: ExecutionLimits;
  interpreter: { language: ProgramLanguage; path: string; version: string };
}

export interface ExecutorOptions {
  /** `auto` (default): bubblewrap when it works here, else the subprocess tier with a warning. */
  sandbox?: SandboxChoice;
  /** Programs run at once (default: the number of cores). */
  workers?: number;
  limits?: Partial<ExecutionLimits>;
  /** Python in warm bubblewrap workers, a fork per program (default true; `LADDER_SANDBOX_WARM=0` turns it off). */
  warm?: boolean;
}

export interface ProgramExecutor {
  readonly limits: ExecutionLimits;
  readonly workers: number;
  setWorkers(workers: number): void;
  /** Runs one program when a worker is free. A sandbox that cannot start is a SandboxError. */
  run(request: ProgramRequest): Promise<ProgramResult>;
  /** Chooses the tier (once) and describes it with the interpreter for `language`. */
  environment(language: ProgramLanguage): Promise<ExecutionEnvironment>;
}

interface ChosenTier {
  tier: ExecutionTier;
  warning?: string;
}

const UNSANDBOXED =
  'code runs WITHOUT a sandbox (plain subprocesses with rlimits): programs can use the network and read the files of this machine';

export function createExecutor(options: ExecutorOptions = {}): ProgramExecutor {
  const limits = resolveLimits(options.limits);
  const pool = new WorkerPool(options.workers);
  const choice = options.sandbox ?? 'auto';
  let chosen: Promise<ChosenTier> | undefined;
  const tier = () => (chosen ??= chooseTier(choice, limits, options.warm ?? true));

  return {
    limits,
    get workers() {
      return pool.size;
    },
    setWorkers: (workers) => pool.resize(workers),
    async run(request) {
      const { tier: selected } = await tier();
      const programLimits = request.limits === undefined ? limits : resolveLimits({ ...limits, ...request.limits });
      return pool.run(() => selected.run(interpreterFor(request.language), request.source, programLimits, request.abortSignal));
    },
    async environment(language) {
      const { tier: selected, warning } = await tier();
      const interpreter = interpreterFor(language);
      return {
        tier: selected.name,
        isolation: selected.isolation,
        ...(warning === undefined ? {} : { warning }),
        workers: pool.size,
        limits,
        interpreter: { language, path: interpreter.path, version: interpreterVersion(interpreter) },
      };
    },
  };
}

async function chooseTier(choice: SandboxChoice, limits: ExecutionLimits, warm: boolean): Promise<ChosenTier> {
  const subprocess = subprocessTier();
  if (choice === 'subprocess') {
    const missing = subprocess.available();
    if (missing !== undefined) throw new SandboxError(`the subprocess tier cannot run here: ${missing}`);
    return { tier: subprocess, warning: `${UNSANDBOXED} (LADDER_SANDBOX=subprocess)` };
  }
  const bubblewrap = bubblewrapTier({ warm });
  const problem = bubblewrap.available() ?? (await trial(bubblewrap, limits));
  if (problem === undefined) return { tier: bubblewrap };
  if (choice === 'bubblewrap') throw new SandboxError(`LADDER_SANDBOX=bubblewrap, but bubblewrap cannot run programs here: ${problem}`);
  const missing = subprocess.available();
  if (missing !== undefined) throw new SandboxError(`no way to run programs here: bubblewrap: ${problem}; subprocess: ${missing}`);
  return { tier: subprocess, warning: `${UNSANDBOXED}; bubblewrap is unavailable: ${problem} (install it: apt-get install -y bubblewrap)` };
}

/** Runs a one-line program in the tier; the reason it fails, or undefined when it works. */
async function trial(tier: ExecutionTier, limits: ExecutionLimits): Promise<string | undefined> {
  try {
    const result = await tier.run(interpreterFor('javascript'), 'process.exitCode = 0;\n', { ...limits, wallMs: Math.max(limits.wallMs, 30_000) });
    return result.outcome === 'passed' ? undefined : `a trial program ended as ${result.outcome}: ${result.message}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

let shared: ProgramExecutor | undefined;

/** `LADDER_SANDBOX` (auto, bubblewrap or subprocess), else auto. */
export function sandboxChoiceFromEnvironment(environment: NodeJS.ProcessEnv = process.env): SandboxChoice {
  const value = (environment.LADDER_SANDBOX ?? 'auto').trim().toLowerCase();
  if (value === '' || value === 'auto') return 'auto';
  if (value === 'bubblewrap' || value === 'bwrap') return 'bubblewrap';
  if (value === 'subprocess') return 'subprocess';
  throw new SandboxError(`LADDER_SANDBOX=${environment.LADDER_SANDBOX}: expected auto, bubblewrap or subprocess`);
}

/** The executor the built-in code scorers share (one worker pool for the whole run). */
export function sharedExecutor(): ProgramExecutor {
  shared ??= createExecutor({ sandbox: sandboxChoiceFromEnvironment(), warm: process.env.LADDER_SANDBOX_WARM?.trim() !== '0' });
  return shared;
}
