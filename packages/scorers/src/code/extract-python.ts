/** A fenced block: an opening ``` or ~~~ (with an optional language), up to its closing fence or the end of the answer. */
const FENCE = /(^|\n)[ \t]*(```|~~~)[ \t]*([\w+#.-]*)[^\n]*\n([\s\S]*?)(?:(?:(?<=\n)|\n)[ \t]*\2[ \t]*(?=\n|$)|$)/g;
const PYTHON = new Set(['', 'python', 'py', 'python3', 'py3']);

interface Block {
  language: string;
  code: string;
}

function fencedBlocks(text: string): Block[] {
  return [...text.matchAll(FENCE)].map((match) => ({ language: (match[3] ?? '').toLowerCase(), code: match[4] ?? '' }));
}

/** True when `code` defines the function `name` (at any indentation, `async def` too). */
export function definesFunction(code: string, name: string): boolean {
  return new RegExp(`^[ \\t]*(?:async[ \\t]+)?def[ \\t]+${escapeRegExp(name)}[ \\t]*\\(`, 'm').test(code);
}

/** Leading and trailing blank lines removed; the indentation of the first line is kept (a bare function body needs it). */
function trimBlankLines(code: string): string {
  return code.replace(/^(?:[ \t]*\n)+/, '').replace(/\s+$/, '');
}

const LOOKS_LIKE_PYTHON = /^(?:[ \t]+\S|(?:async[ \t]+)?def |class |import |from \S+ import |@|#|if |for |while |return\b|try:|with )/;

/**
 * The Python program in a chat answer:
 * 1. of its fenced blocks (``` or ~~~, marked python/py or unmarked; an unclosed last block
 *    counts), the last one that defines `entryPoint`; else the last Python block; else the last
 *    block of any language;
 * 2. without fences, the answer itself, less any leading prose lines before the first line that
 *    looks like Python.
 * Windows line ends become \n. What is returned may be a whole function or only its body.
 */
export function extractPython(output: string, entryPoint?: string): string {
  const text = output.replace(/\r\n?/g, '\n');
  const blocks = fencedBlocks(text);
  if (blocks.length > 0) {
    const python = blocks.filter((block) => PYTHON.has(block.language));
    const defining = entryPoint === undefined ? [] : python.filter((block) => definesFunction(block.code, entryPoint));
    const chosen = defining.at(-1) ?? python.at(-1) ?? blocks.at(-1);
    return trimBlankLines(chosen?.code ?? '');
  }
  const lines = text.split('\n');
  const first = lines.findIndex((line) => LOOKS_LIKE_PYTHON.test(line));
  return trimBlankLines(first <= 0 ? text : lines.slice(first).join('\n'));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
