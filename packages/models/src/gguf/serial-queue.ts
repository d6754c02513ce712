/**
 * Runs tasks one at a time, in the order they were queued. A task whose signal aborts
 * while it waits leaves the queue at once (rejected with the signal's reason) and never runs.
 */
export interface SerialQueue {
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<void> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      const previous = tail;
      let release!: () => void;
      tail = new Promise<void>((resolve) => {
        release = resolve;
      });
      return new Promise<T>((resolve, reject) => {
        let settled = false;
        const onAbort = () => {
          if (settled) return;
          settled = true;
          reject(signal?.reason);
        };
        if (signal?.aborted === true) onAbort();
        else signal?.addEventListener('abort', onAbort, { once: true });
        void previous.then(async () => {
          signal?.removeEventListener('abort', onAbort);
          try {
            if (settled) return;
            settled = true;
            resolve(await task());
          } catch (error) {
            reject(error);
          } finally {
            release();
          }
        });
      });
    },
  };
}
