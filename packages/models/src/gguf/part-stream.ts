import type { StreamPart } from '@ladder/core';

/**
 * Bridges callbacks (node-llama-cpp's onTextChunk) into an async iterable: the producer
 * pushes parts as they come, the consumer pulls them. When the consumer stops early
 * (`break` out of `for await`), `onCancel` runs so the producer can stop generating.
 */
export interface PartStream {
  push(part: StreamPart): void;
  /** No more parts: the iterator ends once the buffer is drained. */
  close(): void;
  readonly stream: AsyncIterable<StreamPart>;
}

export function createPartStream(onCancel: () => void): PartStream {
  const buffer: StreamPart[] = [];
  let closed = false;
  let wake: (() => void) | undefined;

  const notify = () => {
    const waiting = wake;
    wake = undefined;
    waiting?.();
  };

  async function* iterate(): AsyncGenerator<StreamPart> {
    let finished = false;
    try {
      while (true) {
        const part = buffer.shift();
        if (part !== undefined) {
          yield part;
          continue;
        }
        if (closed) {
          finished = true;
          return;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    } finally {
      if (!finished) onCancel();
    }
  }

  return {
    push(part) {
      if (closed) return;
      buffer.push(part);
      notify();
    },
    close() {
      closed = true;
      notify();
    },
    stream: iterate(),
  };
}
