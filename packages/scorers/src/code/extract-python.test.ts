import { describe, expect, it } from 'vitest';
import { definesFunction, extractPython } from './extract-python.js';
import { assemblePythonProgram } from './python-program.js';

const FUNCTION = 'def add(a, b):\n    return a + b';

describe('extractPython', () => {
  it('takes the last block that defines the entry point, not a later usage example', () => {
    const answer = `Here:\n\`\`\`python\n${FUNCTION}\n\`\`\`\nUsage:\n\`\`\`python\nprint(add(1, 2))\n\`\`\``;
    expect(extractPython(answer, 'add')).toBe(FUNCTION);
  });

  it('takes the last of two versions of the function', () => {
    const answer = '```python\ndef add(a, b):\n    return 0\n```\nBetter:\n```py\ndef add(a, b):\n    return b + a\n```';
    expect(extractPython(answer, 'add')).toBe('def add(a, b):\n    return b + a');
  });

  it('reads unmarked, ~~~ and unclosed blocks, and Windows line ends', () => {
    expect(extractPython(`\`\`\`\n${FUNCTION}\n\`\`\``, 'add')).toBe(FUNCTION);
    expect(extractPython(`~~~python\n${FUNCTION}\n~~~`, 'add')).toBe(FUNCTION);
    expect(extractPython(`Sure.\n\`\`\`python\n${FUNCTION}\n`, 'add')).toBe(FUNCTION);
    expect(extractPython(`\`\`\`python\r\n${FUNCTION.replace('\n', '\r\n')}\r\n\`\`\``, 'add')).toBe(FUNCTION);
    expect(extractPython('```python\n```\n', 'add')).toBe('');
  });

  it('prefers a Python block over a block in another language', () => {
    expect(extractPython('```bash\npip install x\n```\n```python\nx = 1\n```', 'f')).toBe('x = 1');
    expect(extractPython('```text\nonly this\n```', 'f')).toBe('only this');
  });

  it('takes a bare answer as it is, less leading prose, keeping a body\'s indentation', () => {
    expect(extractPython(FUNCTION, 'add')).toBe(FUNCTION);
    expect(extractPython(`Here is the function:\n${FUNCTION}\n`, 'add')).toBe(FUNCTION);
    expect(extractPython('    return a + b\n', 'add')).toBe('    return a + b');
    expect(extractPython('\n\n', 'add')).toBe('');
  });

  it('knows a definition from a call', () => {
    expect(definesFunction(FUNCTION, 'add')).toBe(true);
    expect(definesFunction('async def add(a):\n    pass', 'add')).toBe(true);
    expect(definesFunction('print(add(1, 2))', 'add')).toBe(false);
    expect(definesFunction('def add_all(x):\n    pass', 'add')).toBe(false);
  });
});

describe('assemblePythonProgram', () => {
  const prompt = 'from typing import List\n\n\ndef helper(x):\n    return x\n\n\ndef add(a: int, b: int) -> int:\n    """Add."""\n';
  const tests = 'assert add(1, 2) == 3';

  it('puts a whole function after the prompt, whose imports and helpers stay defined', () => {
    const program = assemblePythonProgram({ code: FUNCTION, entryPoint: 'add', tests, prompt });
    expect(program.startsWith(prompt.trimEnd())).toBe(true);
    expect(program).toContain(`\n\n\n${FUNCTION}\n\n\n${tests}\n`);
  });

  it('completes the prompt with a body, indenting one written flush left', () => {
    expect(assemblePythonProgram({ code: '    return a + b', entryPoint: 'add', tests, prompt })).toBe(`${prompt}    return a + b\n\n\n${tests}\n`);
    expect(assemblePythonProgram({ code: 'total = a + b\nreturn total', entryPoint: 'add', tests, prompt })).toBe(
      `${prompt}    total = a + b\n    return total\n\n\n${tests}\n`,
    );
  });

  it('runs the setup between the solution and the tests (MBPP)', () => {
    expect(assemblePythonProgram({ code: FUNCTION, entryPoint: 'add', tests, setup: 'import math' })).toBe(`${FUNCTION}\n\n\nimport math\n\n\n${tests}\n`);
  });
});
