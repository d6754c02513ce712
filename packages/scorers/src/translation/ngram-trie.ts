/**
 * Integer ids for the n-grams of one segment and its references, for BLEU and chrF statistics.
 *
 * An n-gram is a path from the root of a trie whose edges are symbols (code points for chrF's
 * character n-grams, per-segment word ids for words), so all the n-grams starting at one position
 * come from one walk, one hash-table probe per order, and a walk stops as soon as the references
 * have no n-gram with that prefix. Edges are kept with their full keys (parent, symbol): the ids
 * are exact, not hashes of the n-grams. Counts live in an Int32Array indexed by node id.
 *
 * One instance is reused segment after segment (`clear()` costs the number of edges added).
 */
export class NgramTrie {
  private parents = new Int32Array(1024);
  private symbols = new Int32Array(1024);
  /** Node id per slot; 0 marks an empty slot (the root, id 0, is never a child). */
  private nodes = new Int32Array(1024);
  private occupied: number[] = [];
  /** Nodes so far, the root included: ids are 1 .. size - 1. */
  size = 1;
  /** One count per node, for the caller (zeroed by `clear()`). */
  counts = new Int32Array(1024);

  clear(): void {
    for (const slot of this.occupied) this.nodes[slot] = 0;
    this.occupied.length = 0;
    this.counts.fill(0, 0, this.size);
    this.size = 1;
  }

  /** The child of `parent` along `symbol`, created if absent. */
  add(parent: number, symbol: number): number {
    const found = this.find(parent, symbol);
    if (found > 0) return found;
    if ((this.occupied.length + 1) * 2 > this.nodes.length) this.grow();
    let slot = slotOf(parent, symbol, this.nodes.length - 1);
    while (this.nodes[slot] !== 0) slot = (slot + 1) & (this.nodes.length - 1);
    const node = this.size;
    this.size += 1;
    this.parents[slot] = parent;
    this.symbols[slot] = symbol;
    this.nodes[slot] = node;
    this.occupied.push(slot);
    if (this.size > this.counts.length) {
      const counts = new Int32Array(this.counts.length * 2);
      counts.set(this.counts);
      this.counts = counts;
    }
    return node;
  }

  /** The child of `parent` along `symbol`, or 0 when there is none. */
  find(parent: number, symbol: number): number {
    const mask = this.nodes.length - 1;
    let slot = slotOf(parent, symbol, mask);
    for (;;) {
      const node = this.nodes[slot] as number;
      if (node === 0) return 0;
      if (this.parents[slot] === parent && this.symbols[slot] === symbol) return node;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const { parents, symbols, nodes, occupied } = this;
    const capacity = nodes.length * 2;
    this.parents = new Int32Array(capacity);
    this.symbols = new Int32Array(capacity);
    this.nodes = new Int32Array(capacity);
    this.occupied = [];
    for (const old of occupied) {
      let slot = slotOf(parents[old] as number, symbols[old] as number, capacity - 1);
      while (this.nodes[slot] !== 0) slot = (slot + 1) & (capacity - 1);
      this.parents[slot] = parents[old] as number;
      this.symbols[slot] = symbols[old] as number;
      this.nodes[slot] = nodes[old] as number;
      this.occupied.push(slot);
    }
  }
}

function slotOf(parent: number, symbol: number, mask: number): number {
  const mixed = Math.imul(parent, 0x9e3779b1) ^ Math.imul(symbol + 0x632be5ab, 0x85ebca77);
  return (mixed ^ (mixed >>> 16)) & mask;
}

/**
 * Adds the n-grams of orders 1..maxOrder of `sequence` to the trie, counting each occurrence in
 * `trie.counts`; with `touched`, also lists the ids it counted (with repetition).
 */
export function countSequence(trie: NgramTrie, sequence: ArrayLike<number>, maxOrder: number, touched?: number[]): void {
  for (let start = 0; start < sequence.length; start += 1) {
    let node = 0;
    const end = Math.min(sequence.length, start + maxOrder);
    for (let position = start; position < end; position += 1) {
      node = trie.add(node, sequence[position] as number);
      trie.counts[node] = (trie.counts[node] as number) + 1;
      touched?.push(node);
    }
  }
}

/**
 * Per order, Σ over n-grams of min(hypothesis count, available count): each hypothesis occurrence
 * takes one of the counts left in `available` (indexed by node id), which it decrements.
 */
export function takeMatches(trie: NgramTrie, sequence: ArrayLike<number>, maxOrder: number, available: Int32Array): number[] {
  const matches = new Array<number>(maxOrder).fill(0);
  for (let start = 0; start < sequence.length; start += 1) {
    let node = 0;
    const end = Math.min(sequence.length, start + maxOrder);
    for (let position = start; position < end; position += 1) {
      node = trie.find(node, sequence[position] as number);
      if (node === 0) break;
      const left = available[node] as number;
      if (left > 0) {
        available[node] = left - 1;
        const order = position - start;
        matches[order] = (matches[order] as number) + 1;
      }
    }
  }
  return matches;
}

/** Integer ids for the words of one segment: equal words, equal ids; `find` gives -1 for a word never added. */
export class WordIds {
  private readonly ids = new Map<string, number>();

  add(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(word, id);
    }
    return id;
  }

  find(word: string): number {
    return this.ids.get(word) ?? -1;
  }
}
