import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { ExecutionLimits } from './limits.js';
import { SandboxError, type ProgramLanguage } from './program.js';

/** File descriptor on which the bootstrap says it started, before it runs any of the program. */
export const STARTED_FD = 3;

/**
 * Python reads the program from stdin, says on fd 3 that it runs, gives the program /dev/null as
 * its stdin, and runs it as `__main__` from a file named program.py (tracebacks show its lines).
 */
const PYTHON_BOOTSTRAP = [
  'import os as _o, sys as _s, linecache as _l',
  `_o.write(${STARTED_FD}, b"S"); _o.close(${STARTED_FD})`,
  '_t = _s.stdin.buffer.read().decode("utf-8", "surrogateescape")',
  '_n = _o.open(_o.devnull, _o.O_RDONLY); _o.dup2(_n, 0); _o.close(_n)',
  '_l.cache["program.py"] = (len(_t), None, _t.splitlines(True), "program.py")',
  '_c = compile(_t, "program.py", "exec")',
  'del _o, _s, _l, _t, _n',
  'exec(_c)',
].join('\n');

/** Node reads the program from stdin, says on fd 3 that it runs, writes it to program.mjs in its own directory and imports it. */
const JAVASCRIPT_BOOTSTRAP = [
  "import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';",
  `writeSync(${STARTED_FD}, 'S'); closeSync(${STARTED_FD});`,
  "const source = readFileSync(0, 'utf8');",
  "writeFileSync('program.mjs', source);",
  "await import(new URL('program.mjs', 'file://' + process.cwd() + '/').href);",
].join('\n');

export interface Interpreter {
  language: ProgramLanguage;
  /** Absolute path of the interpreter. */
  path: string;
  /** Its arguments: the bootstrap that reads the program from stdin. */
  arguments(limits: ExecutionLimits): string[];
  /** Which rlimit caps its memory. */
  memoryLimit: 'as' | 'data';
}

/** Debian's Python (not a pyenv shim or a virtualenv under the harness's home): its standard library only. */
export const PYTHON_PATH = '/usr/bin/python3';

export function interpreterFor(language: ProgramLanguage): Interpreter {
  if (language === 'python') {
    return { language, path: PYTHON_PATH, arguments: () => ['-I', '-c', PYTHON_BOOTSTRAP], memoryLimit: 'as' };
  }
  return {
    language,
    path: process.execPath,
    arguments: (limits) => [`--max-old-space-size=${limits.memoryMb}`, '--input-type=module', '-e', JAVASCRIPT_BOOTSTRAP],
    memoryLimit: 'data',
  };
}

const versions = new Map<string, string>();

/** `Python 3.11.2` / `Node.js v20.20.2`, asked once; a missing interpreter is a SandboxError naming the fix. */
export function interpreterVersion(interpreter: Interpreter): string {
  const known = versions.get(interpreter.path);
  if (known !== undefined) return known;
  if (!existsSync(interpreter.path)) {
    throw new SandboxError(`${interpreter.path} not found: ${interpreter.language === 'python' ? 'install Debian\'s python3 (apt-get install -y python3)' : 'the Node.js running Ladder is missing'}`);
  }
  let version: string;
  if (interpreter.language === 'python') {
    version = execFileSync(interpreter.path, ['-I', '-c', 'import sys; print("Python " + sys.version.split()[0])'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } else {
    version = `Node.js ${process.version}`;
  }
  versions.set(interpreter.path, version);
  return version;
}
