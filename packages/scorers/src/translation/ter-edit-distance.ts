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
 * the same comparisons; 2^30 keeps `infinity + 1` inside an Int32Array.
 */
const INFINITY = 2 ** 30;

/**
 * One row of the matrix, kept only over its band `[first, first + costs.length)`: every cell
 * outside it is (infinity, undefined), as upstream leaves the cells its beam skips.
 */
interface Row {
  first: number;
  costs: Int32Array;
  operations: Uint8Array;
}

function costAt(row: Row, column: number): number {
  const offset = column - row.first;
  return offset >= 0 && offset < row.costs.length ? (row.costs[offset] as number) : INFINITY;
}

function operationAt(row: Row, column: number): number {
  const offset = column - row.first;
  return offset >= 0 && offset < row.operations.length ? (row.operations[offset] as number) : OPERATION.undefined;
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
    const costs = new Int32Array(reference.length + 1);
    for (let column = 0; column <= reference.length; column += 1) costs[column] = column;
    this.initialRow = { first: 0, costs, operations: new Uint8Array(reference.length + 1).fill(OPERATION.insert) };
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
    return { distance: costAt(rows[hypothesis.length] as Row, this.reference.length), trace: traceOf(rows, hypothesis.length, this.reference.length) };
  }

  /** Computes the rows after the cached ones. */
  private extend(hypothesis: readonly number[], rows: Row[]): void {
    const referenceLength = this.reference.length;
    const hypothesisLength = hypothesis.length;
    const lengthRatio = hypothesisLength > 0 ? referenceLength / hypothesisLength : 1;
    // In very unequal sentences the band would lose contact with the previous row.
    const beamWidth = BEAM_WIDTH < lengthRatio / 2 ? Math.ceil(lengthRatio / 2 + BEAM_WIDTH) : BEAM_WIDTH;
    for (let row = rows.length; row <= hypothesisLength; row += 1) {
      const previous = rows[row - 1] as Row;
      const diagonal = Math.floor(row * lengthRatio);
      const first = Math.max(0, diagonal - beamWidth);
      const last = row === hypothesisLength ? referenceLength + 1 : Math.min(referenceLength + 1, diagonal + beamWidth);
      const width = Math.max(0, last - first);
      const costs = new Int32Array(width).fill(INFINITY);
      const operations = new Uint8Array(width).fill(OPERATION.undefined);
      const word = hypothesis[row - 1] as number;
      for (let column = first; column < last; column += 1) {
        const offset = column - first;
        if (column === 0) {
          costs[0] = costAt(previous, 0) + 1;
          operations[0] = OPERATION.delete;
          continue;
        }
        const same = word === this.reference[column - 1];
        // Tercom prefers a match or substitution, then (in the flipped trace) insertion, then deletion.
        let best = costAt(previous, column - 1) + (same ? 0 : 1);
        let operation: number = same ? OPERATION.none : OPERATION.substitute;
        const deletion = costAt(previous, column) + 1;
        if (deletion < best) {
          best = deletion;
          operation = OPERATION.delete;
        }
        const insertion = (offset > 0 ? (costs[offset - 1] as number) : INFINITY) + 1;
        if (insertion < best) {
          best = insertion;
          operation = OPERATION.insert;
        }
        // Upstream starts each cell at infinity and takes an operation only when strictly better.
        if (best < INFINITY) {
          costs[offset] = best;
          operations[offset] = operation;
        }
      }
      rows.push({ first, costs, operations });
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
    const operation = operationAt(rows[row] as Row, column);
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
