const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Removes reasoning: `<think>…</think>` blocks; with only a closing tag, everything before it.
 * An unclosed `<think>` is left alone (the answer may be the only thing the model wrote).
 */
function withoutReasoning(text: string): string {
  const closed = text.replace(/<think>[\s\S]*?<\/think>/gu, '\n');
  const end = closed.lastIndexOf('</think>');
  return end >= 0 ? closed.slice(end + '</think>'.length) : closed;
}

/** NFKC (full-width letters and colons to ASCII) and markdown/LaTeX wrappers removed; lines kept. */
function prepare(output: string): string {
  return withoutReasoning(output)
    .normalize('NFKC')
    .replace(/\*\*|__|`/gu, '')
    .replace(/\\text(?:bf)?\{([^{}]*)\}|\\mathrm\{([^{}]*)\}|\\mathbf\{([^{}]*)\}/gu, '$1$2$3')
    .replace(/\$/gu, '')
    .replace(/[ \t\u00a0\u3000]+/gu, ' ');
}

/** A pattern source whose ASCII letters match either case, leaving the option letter case-sensitive. */
function caseless(source: string): string {
  return source.replace(/(?<!\\)[a-z]/gu, (character) => `[${character}${character.toUpperCase()}]`);
}

function lastMatch(text: string, pattern: RegExp): string | undefined {
  let last: string | undefined;
  for (const match of text.matchAll(pattern)) last = match[1] ?? last;
  return last;
}

/**
 * The option letter a model chose, or undefined (the scorer's `unanswered`). Only the first
 * `optionCount` letters are valid. Robust to reasoning before the answer and `<think>` blocks.
 * Reads, strongest kind first, the last occurrence within a kind winning:
 * 1. `\boxed{C}`;
 * 2. an explicit answer statement: "Answer: (C)", "Final answer: C", "the (correct) answer/option
 *    is C", "answer is option (D)", "答案是 B", "答案：C", "正确答案为Ｃ", "解答: B", "故选A", "选 C", "应选C";
 * 3. a weaker statement: "选项B正确", "C是正确的", "(C) is correct", "option (D)", "I think it's C",
 *    "I choose C", "I'd go with C";
 * 4. an answer that starts with the letter: "C", "(C)", "C.", "B. Paris", "B\n\nExplanation: …";
 * 5. a last line that is only a letter (reasoning, then "C").
 * Full-width letters count (NFKC). A lowercase letter counts only right after an explicit
 * answer statement and at the end of a sentence ("the answer is c").
 */
export function extractChoice(output: string, optionCount = 4): string | undefined {
  const text = prepare(output);
  const valid = LETTERS.slice(0, Math.max(1, Math.min(26, optionCount)));
  const letter = `([${valid}])`;
  const anyCase = `([${valid}${valid.toLowerCase()}])`;
  const end = String.raw`(?![A-Za-z0-9])`;
  const open = String.raw`[\(\[{（【「]?`;
  const verb = String.raw`(?:\s+(?:is|would be|should be|will be|must be))?(?:\s*:)?\s*(?:option\s*|choice\s*)?`;
  const englishLead = caseless(String.raw`(?:(?:(?:final|correct|right|best)\s+)?answer|(?:final|correct|right|best)\s+(?:option|choice))${verb}`);
  const chineseLead = String.raw`(?:正确)?(?:答案|解答|答)(?:应该|应|是|为|為|选|选项|[:：\s])*`;
  const strong: RegExp[] = [
    new RegExp(String.raw`\\boxed\{\s*${open}\s*${letter}\s*[\)\]}）】」]?\s*\}`, 'gu'),
    new RegExp(String.raw`(?<![A-Za-z])${englishLead}${open}\s*${letter}${end}`, 'gu'),
    new RegExp(String.raw`(?<![A-Za-z])${caseless('answer')}\s*(?:is|:)\s*${open}${anyCase}\s*[\)\]]?\s*[.。]?\s*$`, 'gu'),
    new RegExp(String.raw`${chineseLead}${open}\s*${letter}${end}`, 'gu'),
    new RegExp(String.raw`(?:故|应|所以|因此)?选(?:择)?(?:项)?\s*[:：]?\s*${open}\s*${letter}${end}(?!\s*(?:是?错|不正确|错误))`, 'gu'),
  ];
  for (const pattern of strong) {
    const found = lastMatch(text, pattern);
    if (found !== undefined) return found.toUpperCase();
  }
  const weak: RegExp[] = [
    new RegExp(String.raw`${open}${letter}[\)\]）】」]?\s*(?:选项)?\s*(?:是|为)?\s*(?:正确|对的|对)(?!.*错)`, 'gu'),
    new RegExp(String.raw`(?<![A-Za-z])${open}${letter}[\)\]]?\s+is\s+(?:the\s+)?(?:correct|right|true|best)`, 'gu'),
    new RegExp(String.raw`(?<![A-Za-z])${caseless("(?:it's|it is|choose|chose|pick|select|go with|option|choice)")}\s*${open}${letter}${end}(?![\)\]]?\s*(?:is|are|was)?\s*(?:not|wrong|incorrect|false)\b)`, 'gu'),
  ];
  for (const pattern of weak) {
    const found = lastMatch(text, pattern);
    if (found !== undefined) return found;
  }
  const trimmed = text.trim();
  const leading = new RegExp(String.raw`^${open}\s*${letter}\s*(?:[\)\]）】」.。:：、,，]|$|\s*\n)`, 'u').exec(trimmed);
  if (leading?.[1] !== undefined) return leading[1];
  const lines = trimmed.split(/\n/u).map((line) => line.trim()).filter((line) => line !== '');
  const lastLine = lines[lines.length - 1] ?? '';
  return new RegExp(String.raw`^${open}\s*${letter}\s*[\)\]）】」]?[.。]?$`, 'u').exec(lastLine)?.[1];
}
