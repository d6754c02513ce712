/**
 * lm-eval `minerva_math` / `hendrycks_math` `last_boxed_only_string`: when the text contains "\boxed "
 * (with a space) anywhere, "\boxed " plus what follows its last occurrence up to the next "$"; else the
 * last `\boxed` (or, when there is none, the last `\fbox`) brace-matched from that position, including the
 * command. Undefined (Python None) when there is no box or its braces never close.
 */
export function lmEvalLastBoxedOnlyString(text: string): string | undefined {
  if (text.includes('\\boxed ')) return `\\boxed ${(text.split('\\boxed ').at(-1) ?? '').split('$')[0] ?? ''}`;
  let at = text.lastIndexOf('\\boxed');
  if (at < 0) at = text.lastIndexOf('\\fbox');
  if (at < 0) return undefined;
  let open = 0;
  for (let i = at; i < text.length; i += 1) {
    if (text[i] === '{') open += 1;
    if (text[i] === '}') {
      open -= 1;
      if (open === 0) return text.slice(at, i + 1);
    }
  }
  return undefined;
}

/**
 * lm-eval `remove_boxed`: "\boxed X" → "X", "\boxed{X}" → "X". Upstream asserts the form; here a
 * string of any other form (e.g. `\fbox{…}`) gives undefined, as hendrycks/math's try/except version does.
 */
export function lmEvalRemoveBoxed(boxed: string): string | undefined {
  if (boxed.includes('\\boxed ')) return boxed.startsWith('\\boxed ') ? boxed.slice('\\boxed '.length) : undefined;
  if (!boxed.startsWith('\\boxed{') || !boxed.endsWith('}')) return undefined;
  return boxed.slice('\\boxed{'.length, -1);
}
