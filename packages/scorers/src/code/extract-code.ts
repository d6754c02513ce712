const FENCE = /```([\w+-]*)[^\n]*\n([\s\S]*?)```/gu;
const JAVASCRIPT = new Set(['', 'js', 'javascript', 'mjs', 'node', 'jsx']);

/**
 * The program in a chat answer: the last fenced block marked as JavaScript (or unmarked),
 * else the last fenced block of any kind, else the whole answer.
 */
export function extractJavaScript(output: string): string {
  const blocks = [...output.matchAll(FENCE)].map((match) => ({ language: (match[1] ?? '').toLowerCase(), code: match[2] ?? '' }));
  const javascript = blocks.filter((block) => JAVASCRIPT.has(block.language));
  const chosen = javascript[javascript.length - 1] ?? blocks[blocks.length - 1];
  return (chosen?.code ?? output).trim();
}
