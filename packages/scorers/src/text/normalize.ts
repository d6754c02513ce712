/**
 * Folds the forms models write the same thing in: full-width letters and digits to ASCII
 * (NFKC), runs of whitespace to one space, ends trimmed.
 */
export function foldText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}
