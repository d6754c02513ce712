import { readFileSync } from 'node:fs';

/** One entry of ../shared/vectors/sacrebleu_vectors.json (see its `conventions`). */
export interface SacrebleuVector {
  id: string;
  metric: 'BLEU' | 'chrF' | 'TER';
  level: 'sentence' | 'corpus' | 'stats';
  hyps: string | string[];
  /** Sentence level: the references of the hypothesis; corpus level: reference streams. */
  refs: string[] | (string | null)[][];
  options: Record<string, unknown>;
  expected?: number;
  tolerance?: number;
  computed: number;
  computed_stats?: { counts: number[]; totals: number[]; sys_len: number; ref_len: number; bp: number };
  expected_counts?: number[];
  expected_totals?: number[];
  computed_num_edits?: number;
  computed_ref_length?: number;
  correct?: number[];
  total?: number[];
  sys_len?: number;
  ref_len?: number;
}

export interface TokenizerVector {
  tokenizer: string;
  options: Record<string, boolean>;
  input: string;
  expected: string;
}

export function sacrebleuVectors(): { vectors: SacrebleuVector[]; tokenizerVectors: TokenizerVector[] } {
  const file = JSON.parse(readFileSync(new URL('../../../../../shared/vectors/sacrebleu_vectors.json', import.meta.url), 'utf8')) as {
    vectors: SacrebleuVector[];
    tokenizer_vectors: TokenizerVector[];
  };
  return { vectors: file.vectors, tokenizerVectors: file.tokenizer_vectors };
}
