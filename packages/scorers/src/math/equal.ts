import { Deadline, symbolicEqual } from './symbolic.js';
import { isClose, pyFloat, pyLen, pyRstripChars, pyStrip, pyStripChars, pyLstripChars } from './python.js';

export interface MathEqualOptions {
  /** Also accept prediction = reference·100 or reference/100 for numbers (default true). */
  includePercentage?: boolean;
  /** Compare numbers with relative tolerance 1e-4 (default true); exact otherwise. */
  isClose?: boolean;
  /**
   * Time budget in ms for the whole comparison (default 2000). The symbolic step is synchronous, so the
   * limit is enforced by a size cap on what reaches the CAS (MAX_SYMBOLIC_LENGTH) plus a deadline checked
   * before each CAS step; a comparison whose deadline has passed is "not equal", like upstream's timeout.
   */
  timeoutMs?: number;
  /**
   * Require tuples/intervals to have the same brackets: "(1,2]" ≠ "[1,2]". Default false, as upstream
   * compares only the elements of `(…)`/`[…]` forms.
   */
  strictIntervals?: boolean;
}

type Options = Required<Omit<MathEqualOptions, 'timeoutMs'>>;

/** Grader's `choice_answer_clean`: the last standalone A–E letter, else the cleaned text. */
function choiceAnswerClean(prediction: string): string {
  let pred = pyLstripChars(pyStripChars(pyRstripChars(pyRstripChars(pyStripChars(prediction, '\n'), '.'), '/'), ' '), ':');
  const letters = [...pred.toUpperCase().matchAll(/(?<![\p{L}\p{N}_])([A-E])(?![\p{L}\p{N}_])/gu)].map((match) => match[1] ?? '');
  pred = letters.length > 0 ? (letters.at(-1) ?? '') : pyStripChars(pyStrip(pred), '.');
  return pyRstripChars(pyRstripChars(pred, '.'), '/');
}

/** Grader's `parse_digits`: a float after removing commas; a trailing `%` / `\%` divides by 100. */
export function parseDigits(text: string): number | undefined {
  const num = text.replaceAll(',', '');
  const value = pyFloat(num);
  if (value !== undefined) return value;
  if (num.endsWith('%')) {
    let body = num.slice(0, -1);
    if (body.endsWith('\\')) body = body.slice(0, -1);
    const percent = pyFloat(body);
    if (percent !== undefined) return percent / 100;
  }
  return undefined;
}

/** `{a,b}` groups → pmatrix columns (grader's `str_to_pmatrix`). */
function strToPmatrix(text: string): string {
  const groups = pyStrip(text).match(/\{.*,.*\}/gu) ?? [];
  return groups.map((group) => `\\begin{pmatrix}${pyStripChars(group, '{}').replaceAll(',', '\\')}\\end{pmatrix}`).join(', ');
}

const LIST_FORMAT = /^(\(|\[).+(\)|\])/u;
const isMatrix = (s: string) =>
  (s.startsWith('\\begin{pmatrix}') || s.startsWith('\\begin{bmatrix}')) && (s.endsWith('\\end{pmatrix}') || s.endsWith('\\end{bmatrix}'));
const matrixRows = (s: string) =>
  s.slice('\\begin{pmatrix}'.length, s.length - '\\end{pmatrix}'.length).split('\\\\').map((line) => pyStrip(line)).filter((line) => line !== '');
/** Split on commas outside (), [], {}. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if ('([{'.includes(char)) depth += 1;
    else if (')]}'.includes(char)) depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

/** The elements of "{a,b,…}" when the braces enclose the whole text and there is a top-level comma. */
function setElements(text: string): string[] | undefined {
  if (!text.startsWith('{') || !text.endsWith('}')) return undefined;
  const inner = text.slice(1, -1);
  let depth = 0;
  for (const char of inner) {
    if (char === '{') depth += 1;
    else if (char === '}') depth -= 1;
    if (depth < 0) return undefined; // "{a}+{b}": the braces do not enclose the whole text
  }
  const parts = splitTopLevel(inner).map((part) => pyStrip(part));
  return parts.length > 1 && parts.every((part) => part !== '') ? parts : undefined;
}

const count = (s: string, ch: string) => s.split(ch).length - 1;

function equal(prediction: string, reference: string, options: Options, deadline: Deadline): boolean {
  if (pyStrip(prediction).toLowerCase() === pyStrip(reference).toLowerCase()) return true;
  if (['A', 'B', 'C', 'D', 'E'].includes(reference) && choiceAnswerClean(prediction) === reference) return true;

  // 1. numbers: decided here, no symbolic fallback
  const predNumber = parseDigits(prediction);
  const refNumber = parseDigits(reference);
  if (predNumber !== undefined && refNumber !== undefined) {
    const candidates = options.includePercentage ? [refNumber / 100, refNumber, refNumber * 100] : [refNumber];
    return candidates.some((item) => (options.isClose ? isClose(item, predNumber) : item === predNumber));
  }
  if (prediction === '') return false;

  // 2. structures
  let ref = pyStrip(reference);
  const pred = pyStrip(prediction);
  if (pred.includes('pmatrix') && !ref.includes('pmatrix')) ref = strToPmatrix(ref);

  let predStr = pred;
  let refStr = ref;
  if ((pred.startsWith('[') && pred.endsWith(']') && !ref.startsWith('(')) || (pred.startsWith('(') && pred.endsWith(')') && !ref.startsWith('['))) {
    predStr = pyStripChars(predStr, '[]()');
    refStr = pyStripChars(refStr, '[]()');
  }
  predStr = predStr.replace(/[{}()]/gu, '');
  refStr = refStr.replace(/[{}()]/gu, '');
  if (predStr.toLowerCase() === refStr.toLowerCase()) return true;

  // tuples / intervals, element-wise (the brackets themselves are not compared)
  if (LIST_FORMAT.test(pred) && LIST_FORMAT.test(ref)) {
    if (options.strictIntervals && (pred[0] !== ref[0] || pred.at(-1) !== ref.at(-1))) return false;
    const predParts = pred.slice(1, -1).split(',');
    const refParts = ref.slice(1, -1).split(',');
    if (predParts.length === refParts.length && predParts.every((part, i) => equal(part, refParts[i] ?? '', options, deadline))) return true;
  }

  // matrices, element-wise
  if (isMatrix(pred) && isMatrix(ref)) {
    const predRows = matrixRows(pred);
    const refRows = matrixRows(ref);
    if (
      predRows.length === refRows.length &&
      predRows.every((row, r) => {
        const predCells = row.split('&');
        const refCells = (refRows[r] ?? '').split('&');
        return predCells.length === refCells.length && predCells.every((cell, c) => equal(cell, refCells[c] ?? '', options, deadline));
      })
    ) {
      return true;
    }
  }

  // equations
  if (count(pred, '=') === 1 && count(ref, '=') === 1) {
    const [pl = '', pr = ''] = pred.split('=');
    const [rl = '', rr = ''] = ref.split('=');
    const p = `${pyStrip(pl)} - (${pyStrip(pr)})`;
    const r = `${pyStrip(rl)} - (${pyStrip(rr)})`;
    if (symbolicEqual(p, r, deadline) || symbolicEqual(`-(${p})`, r, deadline)) return true;
  } else if (count(pred, '=') === 1 && pyLen(pyStrip(pred.split('=')[0] ?? '')) <= 2 && !ref.includes('=')) {
    if (equal(pred.split('=')[1] ?? '', ref, options, deadline)) return true;
  } else if (count(ref, '=') === 1 && pyLen(pyStrip(ref.split('=')[0] ?? '')) <= 2 && !pred.includes('=')) {
    if (equal(pred, ref.split('=')[1] ?? '', options, deadline)) return true;
  }

  // sets "{a,b}" (upstream: parse_expr reads them as Python sets, so order and repeats do not matter)
  const predSet = setElements(pred);
  const refSet = setElements(ref);
  if (predSet !== undefined && refSet !== undefined) {
    const covered = (from: string[], to: string[]) => from.every((item) => to.some((other) => equal(item, other, options, deadline)));
    return covered(predSet, refSet) && covered(refSet, predSet);
  }

  // 3. symbolic
  return symbolicEqual(pred, ref, deadline);
}

/**
 * Qwen2.5-Math `math_equal(prediction, reference)` (evaluation/grader.py). Argument order matters.
 * Both arguments are expected to be normalised already (`normalizeMathAnswer`), as upstream's are.
 */
export function mathEqual(prediction: string, reference: string, options: MathEqualOptions = {}): boolean {
  const deadline = new Deadline(options.timeoutMs ?? 2000);
  return equal(
    prediction,
    reference,
    { includePercentage: options.includePercentage ?? true, isClose: options.isClose ?? true, strictIntervals: options.strictIntervals ?? false },
    deadline,
  );
}
