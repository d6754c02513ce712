/** Keeps the first `limit` bytes of a stream. */
export function headCapture(limit: number) {
  const chunks: Buffer[] = [];
  let kept = 0;
  return {
    add(chunk: Buffer): void {
      if (kept >= limit) return;
      const part = chunk.subarray(0, limit - kept);
      chunks.push(part);
      kept += part.length;
    },
    text: () => Buffer.concat(chunks).toString('utf8'),
  };
}

/** Keeps the last `limit` bytes of a stream (an exception is printed last). */
export function tailCapture(limit: number) {
  let chunks: Buffer[] = [];
  let kept = 0;
  return {
    add(chunk: Buffer): void {
      chunks.push(chunk);
      kept += chunk.length;
      if (kept > 2 * limit) {
        const joined = Buffer.concat(chunks);
        chunks = [joined.subarray(joined.length - limit)];
        kept = limit;
      }
    },
    text(): string {
      const joined = Buffer.concat(chunks);
      return joined.subarray(Math.max(0, joined.length - limit)).toString('utf8');
    },
  };
}
