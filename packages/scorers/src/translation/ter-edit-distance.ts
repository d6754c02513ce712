/**
 * The beam edit distance of sacreBLEU's TER (`BeamEditDistance` in `sacrebleu/metrics/lib_ter.py`):
 * word-level Levenshtein distance (all costs 1) computed only in a band around the
 * length-scaled diagonal, with the trace of edit operations, and a cache of the matrix rows of
 * hypothesis prefixes (shift candidates share long prefixes). The cache only saves time: a row
 * depends on the prefix, the reference and the hypothesis length, which shifts do not change.
 *
 * Words are integer ids (equal words, equal ids).
 */
export const OPERATION = { none: 0, substitute: 1, insert: 2, delete: 3, undefined: 4 } as const;

const BEAM_WIDTH = 25;
const MAX_CACHE_SIZE = 10000;
/**
 * Upstream's "infinity" is int(1e16), exact in Python. Any value far above every real cost gives
 * the same comparisons; 2^40 keeps `infinity + k` exact in doubles.
 */
const INFINITY = 2 ** 40;

interface Row {
  costs: Float64Array;
  operations: Uint8Array;
}

interface CacheNode {
  children: Map<number, CacheNode>;
  row: Row;
}

export class BeamEditDistance {
  private readonly reference: readonly number[];
  private readonly initialRow: Row;
  private readonly cache = new Map<number, CacheNode>();
  private cacheSize = 0;

  constructor(reference: readonly number[]) {
    this.reference = reference;
    // Row 0: rewriting the empty hypothesis into the reference prefix takes j insertions.
    const costs = new Float64Array(reference.length + 1);
    for (let column = 0; column <= reference.length; column += 1) costs[column] = column;
    this.initialRow = { costs, operations: new Uint8Array(reference.length + 1).fill(OPERATION.insert) };
  }

  /** The edit distance to the reference and the trace (one operation per step, from the start). */
  distance(hypothesis: readonly number[]): { distance: number; trace: number[] } {
    const rows: Row[] = [this.initialRow];
    let children = this.cache;
    for (const word of hypothesis) {
      const node = children.get(word);
      if (node === undefined) break;
      rows.push(node.row);
      children = node.children;
    }
    const cached = rows.length;
    this.extend(hypothesis, rows);
    this.remember(hypothesis, rows, cached);
    return { distance: (rows[hypothesis.length] as Row).costs[this.reference.length] as number, trace: traceOf(rows, hypothesis.length, this.reference.length) };
  }

  /** Computes the rows after the cached ones. */
  private extend(hypothesis: readonly number[], rows: Row[]): void {
    const referenceLength = this.reference.length;
    const hypothesisLength = hypothesis.length;
    const lengthRatio = hypothesisLength > 0 ? referenceLength / hypothesisLength : 1;
    // In very unequal sentences the band would lose contact with the previous row.
    const beamWidth = BEAM_WIDTH < lengthRatio / 2 ? Math.ceil(lengthRatio / 2 + BEAM_WIDTH) : BEAM_WIDTH;
    for (let row = rows.length; row <= hypothesisLength; row += 1) {
      const costs = new Float64Array(referenceLength + 1).fill(INFINITY);
      const operations = new Uint8Array(referenceLength + 1).fill(OPERATION.undefined);
      const previous = rows[row - 1] as Row;
      const diagonal = Math.floor(row * lengthRatio);
      const first = Math.max(0, diagonal - beamWidth);
      const last = row === hypothesisLength ? referenceLength + 1 : Math.min(referenceLength + 1, diagonal + beamWidth);
      const word = hypothesis[row - 1] as number;
      for (let column = first; column < last; column += 1) {
        if (column === 0) {
          costs[0] = (previous.costs[0] as number) + 1;
          operations[0] = OPERATION.delete;
          continue;
        }
        const same = word === this.reference[column - 1];
        // Tercom prefers a match or substitution, then (in the flipped trace) insertion, then deletion.
        let best = (previous.costs[column - 1] as number) + (same ? 0 : 1);
        let operation: number = same ? OPERATION.none : OPERATION.substitute;
        const deletion = (previous.costs[column] as number) + 1;
        if (deletion < best) {
          best = deletion;
          operation = OPERATION.delete;
        }
        const insertion = (costs[column - 1] as number) + 1;
        if (insertion < best) {
          best = insertion;
          operation = OPERATION.insert;
        }
        // Upstream starts each cell at infinity and takes an operation only when strictly better.
        if (best < INFINITY) {
          costs[column] = best;
          operations[column] = operation;
        }
      }
      rows.push({ costs, operations });
    }
  }

  private remember(hypothesis: readonly number[], rows: readonly Row[], cached: number): void {
    if (this.cacheSize >= MAX_CACHE_SIZE) return;
    let children = this.cache;
    for (let position = 0; position < hypothesis.length; position += 1) {
      const word = hypothesis[position] as number;
      let node = children.get(word);
      if (node === undefined) {
        if (position + 1 < cached) throw new Error('BeamEditDistance: cache walk lost its path');
        node = { children: new Map(), row: rows[position + 1] as Row };
        children.set(word, node);
        this.cacheSize += 1;
      }
      children = node.children;
    }
  }
}

/** Backtracks the operations from the last cell. */
function traceOf(rows: readonly Row[], hypothesisLength: number, referenceLength: number): number[] {
  const trace: number[] = [];
  let row = hypothesisLength;
  let column = referenceLength;
  while (row > 0 || column > 0) {
    const operation = (rows[row] as Row).operations[column] as number;
    trace.push(operation);
    if (operation === OPERATION.none || operation === OPERATION.substitute) {
      row -= 1;
      column -= 1;
    } else if (operation === OPERATION.insert) {
      column -= 1;
    } else if (operation === OPERATION.delete) {
      row -= 1;
    } else {
      throw new Error(`BeamEditDistance: no operation at row ${row}, column ${column} (outside the beam)`);
    }
  }
  return trace.reverse();
}
