import type { ProgramLanguage } from './program.js';

const PYTHON_EXCEPTION = /^([A-Za-z_][\w.]*)(:.*)?$/;
const JAVASCRIPT_ERROR = /^([A-Z][\w.]*(Error|Exception))\b/;

/** The error a failing program printed, in one line: Python's last traceback line, Node's first `...Error` line. */
export function failureMessage(language: ProgramLanguage, stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  let message: string | undefined;
  if (language === 'python') {
    const last = lines[lines.length - 1];
    message = last !== undefined && PYTHON_EXCEPTION.test(last) ? last : lines.slice(-3).join(' | ');
  } else {
    message = lines.find((line) => JAVASCRIPT_ERROR.test(line)) ?? lines.slice(0, 3).join(' | ');
  }
  return message.length > 500 ? `${message.slice(0, 497)}...` : message;
}

/** True when the program ended on a failed assertion (a wrong answer, not a crash). */
export function isAssertionFailure(language: ProgramLanguage, message: string): boolean {
  return language === 'python' ? /^AssertionError\b/.test(message) : /AssertionError/.test(message);
}

/** True when the program ran out of memory under its limit. */
export function isMemoryFailure(language: ProgramLanguage, message: string, stderr: string): boolean {
  return language === 'python' ? /^MemoryError\b/.test(message) : /heap out of memory|Allocation failed|ERR_MEMORY/i.test(stderr);
}
