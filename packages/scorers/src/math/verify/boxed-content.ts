/** Separators that let several boxed answers be read as one ("\boxed{1} and \boxed{2}"). */
const VALID_SEPARATOR = /\b(and|or)\b|,|;/u;

/** The closing brace matching the `{` at `open`, searching below `limit`. */
function matchingBrace(text: string, open: number, limit: number): number | undefined {
  let depth = 1;
  for (let i = open + 1; i < limit; i += 1) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return undefined;
}

/**
 * latex2sympy2_extended `extract_boxed_content`: the contents of `\boxed{…}` / `\fbox{…}`, searched
 * from the right. Mode "all" joins every boxed answer with commas; "last" takes the last one plus
 * earlier ones that are close to it (under 10 characters apart, or under 70 with a separator and a
 * different content). An unclosed last box yields the rest of the text; no box returns the text.
 */
export function extractBoxedContent(text: string, mode: 'last' | 'all'): string {
  const results: string[] = [];
  let current = text.length;
  let maxPosition = text.length;
  let lastBoxedStart: number | undefined;
  for (;;) {
    const boxedAt = lastIndexBefore(text, '\\boxed', current);
    const fboxAt = lastIndexBefore(text, '\\fbox', current);
    if (boxedAt < 0 && fboxAt < 0) break;
    const start = Math.max(boxedAt, fboxAt);
    let next = start + (boxedAt > fboxAt ? 6 : 5);
    while (next < maxPosition && /\s/u.test(text[next] ?? '')) next += 1;
    if (next >= maxPosition) break;
    if (text[next] !== '{') {
      if (results.length === 0) results.push(text.slice(next));
      break;
    }
    const close = matchingBrace(text, next, maxPosition);
    if (close === undefined) {
      if (results.length === 0) results.push(text.slice(next));
      break;
    }
    const content = text.slice(next + 1, close).trim();
    if (mode === 'last' && lastBoxedStart !== undefined) {
      const between = text.slice(close + 1, lastBoxedStart);
      const closeEnough = between.length < 10 || (content !== (results.at(-1) ?? '') && between.length < 70 && VALID_SEPARATOR.test(between));
      if (!closeEnough) break;
    }
    if (results.length === 0 || results.at(-1) !== content) results.push(content);
    lastBoxedStart = start;
    maxPosition = start;
    current = start;
  }
  return results.length === 0 ? text : results.reverse().join(',');
}

/** Python `text.rfind(search, 0, end)`: the last occurrence lying entirely before `end`. */
function lastIndexBefore(text: string, search: string, end: number): number {
  return end - search.length < 0 ? -1 : text.lastIndexOf(search, end - search.length);
}
