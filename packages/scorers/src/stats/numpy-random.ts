/**
 * The draws of `numpy.random.default_rng(seed).choice(n, size, replace=True)` (NumPy ≥ 1.17's
 * Generator: SeedSequence, the PCG64 bit generator, Lemire's bounded integers on buffered 32-bit
 * halves), so that a bootstrap seeded like sacreBLEU's (`SACREBLEU_SEED`, default 12345) resamples
 * exactly the segments sacreBLEU resamples. Checked against NumPy 2.4 in numpy-random.test.ts.
 *
 * The 128-bit PCG state is kept as eight 16-bit limbs in plain numbers (products stay exact).
 */
const MASK32 = 0xffffffff;

// SeedSequence's hash constants (numpy/random/bit_generator.pyx).
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const POOL_SIZE = 4;

const multiply32 = (a: number, b: number) => Math.imul(a, b) >>> 0;

/** SeedSequence(seed).generate_state(words, uint32) for a non-negative integer seed. */
export function seedSequenceState(seed: number, words: number): number[] {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`numpy seed must be a non-negative integer, not ${seed}`);
  // The seed as little-endian 32-bit words (at least one).
  const entropy: number[] = [];
  let rest = seed;
  do {
    entropy.push(rest % 2 ** 32);
    rest = Math.floor(rest / 2 ** 32);
  } while (rest > 0);

  let hashConstant = INIT_A;
  const hashmix = (input: number) => {
    let value = (input ^ hashConstant) >>> 0;
    hashConstant = multiply32(hashConstant, MULT_A);
    value = multiply32(value, hashConstant);
    return (value ^ (value >>> 16)) >>> 0;
  };
  const mix = (x: number, y: number) => {
    const result = (multiply32(MIX_MULT_L, x) - multiply32(MIX_MULT_R, y)) >>> 0;
    return (result ^ (result >>> 16)) >>> 0;
  };
  const pool = Array.from({ length: POOL_SIZE }, (_, index) => hashmix(entropy[index] ?? 0));
  for (let source = 0; source < POOL_SIZE; source += 1) {
    for (let target = 0; target < POOL_SIZE; target += 1) {
      if (source !== target) pool[target] = mix(pool[target] as number, hashmix(pool[source] as number));
    }
  }
  for (let source = POOL_SIZE; source < entropy.length; source += 1) {
    for (let target = 0; target < POOL_SIZE; target += 1) pool[target] = mix(pool[target] as number, hashmix(entropy[source] as number));
  }

  let outputConstant = INIT_B;
  const state: number[] = [];
  for (let index = 0; index < words; index += 1) {
    let value = ((pool[index % POOL_SIZE] as number) ^ outputConstant) >>> 0;
    outputConstant = multiply32(outputConstant, MULT_B);
    value = multiply32(value, outputConstant);
    state.push((value ^ (value >>> 16)) >>> 0);
  }
  return state;
}

/** 128-bit numbers as eight 16-bit limbs, least significant first. */
type Limbs = number[];

function limbsOf(words32: readonly number[]): Limbs {
  // words32: four 32-bit words, least significant first.
  return words32.flatMap((word) => [word & 0xffff, word >>> 16]);
}

const MULTIPLIER = limbsOf([0x9fccf645, 0x4385df64, 0x1fc65da4, 0x2360ed05]);
const [M0, M1, M2, M3, M4, M5, M6, M7] = MULTIPLIER as [number, number, number, number, number, number, number, number];

/** (a · b + c) mod 2^128, into `out` (which may be `a`). */
function multiplyAdd(a: ArrayLike<number>, b: ArrayLike<number>, c: ArrayLike<number>, out: Float64Array, sums: Float64Array): void {
  sums.fill(0);
  for (let i = 0; i < 8; i += 1) {
    const limb = a[i] as number;
    if (limb === 0) continue;
    for (let j = 0; i + j < 8; j += 1) sums[i + j] = (sums[i + j] as number) + limb * (b[j] as number);
  }
  let carry = 0;
  for (let index = 0; index < 8; index += 1) {
    const value = (sums[index] as number) + (c[index] as number) + carry;
    const low = value % 65536;
    out[index] = low;
    carry = (value - low) / 65536;
  }
}

/** numpy's PCG64 (XSL-RR output), seeded through SeedSequence as `PCG64(seed)` is. */
export class NumpyPcg64 {
  private readonly state = new Float64Array(8);
  private readonly increment = new Float64Array(8);
  private readonly sums = new Float64Array(8);
  private buffer = { high: 0, halves: 0 };

  constructor(seed: number) {
    const words = seedSequenceState(seed, 8);
    // generate_state(4, uint64): seed = (w0 << 64) | w1 and inc = (w2 << 64) | w3, each uint64 from two words.
    const seedLimbs = limbsOf([words[2] as number, words[3] as number, words[0] as number, words[1] as number]);
    const sequence = limbsOf([words[6] as number, words[7] as number, words[4] as number, words[5] as number]);
    // inc = (sequence << 1) | 1
    let carry = 1;
    sequence.forEach((limb, index) => {
      const doubled = limb * 2 + carry;
      this.increment[index] = doubled % 65536;
      carry = doubled >= 65536 ? 1 : 0;
    });
    // pcg_setseq_128_srandom_r: state = 0; step; state += seed; step.
    multiplyAdd(this.state, MULTIPLIER, this.increment, this.state, this.sums);
    multiplyAdd(this.state, [1, 0, 0, 0, 0, 0, 0, 0], seedLimbs, this.state, this.sums);
    multiplyAdd(this.state, MULTIPLIER, this.increment, this.state, this.sums);
  }

  /** state = state · MULTIPLIER + increment (mod 2^128), the products written out (the hot loop of a bootstrap). */
  private step(): void {
    const s = this.state;
    const c = this.increment;
    const s0 = s[0] as number, s1 = s[1] as number, s2 = s[2] as number, s3 = s[3] as number, s4 = s[4] as number, s5 = s[5] as number, s6 = s[6] as number, s7 = s[7] as number;
    const r = this.sums;
    r[0] = s0 * M0 + (c[0] as number);
    r[1] = s0 * M1 + s1 * M0 + (c[1] as number);
    r[2] = s0 * M2 + s1 * M1 + s2 * M0 + (c[2] as number);
    r[3] = s0 * M3 + s1 * M2 + s2 * M1 + s3 * M0 + (c[3] as number);
    r[4] = s0 * M4 + s1 * M3 + s2 * M2 + s3 * M1 + s4 * M0 + (c[4] as number);
    r[5] = s0 * M5 + s1 * M4 + s2 * M3 + s3 * M2 + s4 * M1 + s5 * M0 + (c[5] as number);
    r[6] = s0 * M6 + s1 * M5 + s2 * M4 + s3 * M3 + s4 * M2 + s5 * M1 + s6 * M0 + (c[6] as number);
    r[7] = s0 * M7 + s1 * M6 + s2 * M5 + s3 * M4 + s4 * M3 + s5 * M2 + s6 * M1 + s7 * M0 + (c[7] as number);
    // Carry each 16-bit limb into the next; what passes the top limb is dropped (mod 2^128).
    let carry = 0;
    for (let limb = 0; limb < 8; limb += 1) {
      const value = (r[limb] as number) + carry;
      const low = value % 65536;
      s[limb] = low;
      carry = (value - low) / 65536;
    }
  }

  /** The next 64-bit output as [low 32 bits, high 32 bits]. */
  next64(): [number, number] {
    const s = this.state;
    this.step();
    const low = (((s[1] as number) << 16) | (s[0] as number)) ^ (((s[5] as number) << 16) | (s[4] as number));
    const high = (((s[3] as number) << 16) | (s[2] as number)) ^ (((s[7] as number) << 16) | (s[6] as number));
    const rotation = (s[7] as number) >>> 10;
    if (rotation === 0) return [low >>> 0, high >>> 0];
    if (rotation === 32) return [high >>> 0, low >>> 0];
    if (rotation < 32) return [((low >>> rotation) | (high << (32 - rotation))) >>> 0, ((high >>> rotation) | (low << (32 - rotation))) >>> 0];
    const shift = rotation - 32;
    return [((high >>> shift) | (low << (32 - shift))) >>> 0, ((low >>> shift) | (high << (32 - shift))) >>> 0];
  }

  /** numpy's `buffered_uint32`: the low half of a 64-bit output, then its high half. */
  private next32(): number {
    if (this.buffer.halves === 0) {
      const [low, high] = this.next64();
      this.buffer = { high, halves: 1 };
      return low;
    }
    this.buffer.halves = 0;
    return this.buffer.high;
  }

  /** `integers(0, n)` for n ≤ 2^32 (Lemire's method without masking, as Generator.choice draws). */
  below(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`below: n must be 1..2^32, not ${n}`);
    if (n === 1) return 0;
    if (n === 2 ** 32) return this.next32();
    let [high, leftover] = productHalves(this.next32(), n);
    if (leftover < n) {
      const threshold = (MASK32 - (n - 1)) % n;
      while (leftover < threshold) [high, leftover] = productHalves(this.next32(), n);
    }
    return high;
  }
}

/** The high and low 32 bits of a · b for a, b < 2^32 + 1, exactly. */
function productHalves(a: number, b: number): [number, number] {
  const low = Math.imul(a, b) >>> 0;
  const aHigh = Math.floor(a / 65536);
  const aLow = a % 65536;
  const partial = aLow * b;
  const middle = aHigh * b + Math.floor(partial / 65536);
  return [Math.floor(middle / 65536), low];
}
