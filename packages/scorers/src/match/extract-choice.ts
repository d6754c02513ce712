import { foldText } from '../text/normalize.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The option letter a model chose, or undefined. Reads, strongest first (last occurrence wins
 * within a kind): `\boxed{C}`, "Answer: (C)" / "answer is C", "答案是 C" / "答案：C", "选 C";
 * then an answer that is only a letter ("C", "(C)", "C."). Full-width letters count.
 * Only the first `optionCount` letters are valid.
 */
export function extractChoice(output: string, optionCount = 4): string | undefined {
  const text = foldText(output).replace(/<think>[\s\S]*?<\/think>/gu, ' ');
  const valid = LETTERS.slice(0, Math.max(1, Math.min(26, optionCount)));
  const letter = `([${valid}])`;
  const end = String.raw`(?![A-Za-z])`;
  const patterns = [
    new RegExp(String.raw`\\boxed\{\s*\(?${letter}\)?\s*\}`, 'gu'),
    new RegExp(String.raw`answer\s*(?:is|:|：)\s*[:：]?\s*(?:option\s*)?[\*\(\[]*\s*${letter}${end}`, 'giu'),
    new RegExp(String.raw`答案\s*(?:应该|应|是|为|為|选|[:：])+\s*[:：]?\s*[\*\(\[（【]*\s*${letter}${end}`, 'gu'),
    new RegExp(String.raw`选(?:择)?\s*[\(（【]?${letter}${end}`, 'gu'),
  ];
  for (const pattern of patterns) {
    const matches = [...text.matchAll(pattern)];
    const last = matches[matches.length - 1]?.[1];
    if (last !== undefined) return last;
  }
  const bare = new RegExp(String.raw`^[\*\(\[（【]*\s*${letter}\s*[\)\]）】]?[.。:：]?\**$`, 'u').exec(text);
  return bare?.[1];
}
