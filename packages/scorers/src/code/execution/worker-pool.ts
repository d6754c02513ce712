import { availableParallelism } from 'node:os';

/** At most `size` tasks at once, first come first served; the size can change between runs. */
export class WorkerPool {
  #size: number;
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(size = availableParallelism()) {
    this.#size = WorkerPool.check(size);
  }

  get size(): number {
    return this.#size;
  }

  resize(size: number): void {
    this.#size = WorkerPool.check(size);
    this.#wake();
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running < this.#size) this.#running += 1;
    // A waiter is counted as running by whoever wakes it.
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await task();
    } finally {
      this.#running -= 1;
      this.#wake();
    }
  }

  #wake(): void {
    while (this.#running < this.#size && this.#waiting.length > 0) {
      this.#running += 1;
      this.#waiting.shift()?.();
    }
  }

  private static check(size: number): number {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`exec workers must be a whole number >= 1, got ${String(size)}`);
    return size;
  }
}
