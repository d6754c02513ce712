/**
 * A fake provider for manual use:
 *   node --import tsx packages/test-server/src/bin.ts --port 0 [--fail-every 10] [--first-token-delay-ms N]
 *     [--chunk-delay-ms N] [--tokens-per-chunk N] [--fail-status 503]
 * Prints its URL (use it as a base URL: <url>/v1 for OpenAI-compatible clients) and serves until Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { startFakeProvider } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'fail-every': { type: 'string' },
    'fail-status': { type: 'string', default: '503' },
    'first-token-delay-ms': { type: 'string' },
    'chunk-delay-ms': { type: 'string' },
    'tokens-per-chunk': { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) {
    console.error(`--${name} must be a non-negative number, not ${value}`);
    process.exit(2);
  }
  return parsed;
}

const failEvery = numberOption('fail-every', values['fail-every']);
const failStatus = numberOption('fail-status', values['fail-status']) ?? 503;
const firstTokenDelayMs = numberOption('first-token-delay-ms', values['first-token-delay-ms']);
const chunkDelayMs = numberOption('chunk-delay-ms', values['chunk-delay-ms']);
const tokensPerChunk = numberOption('tokens-per-chunk', values['tokens-per-chunk']);

const provider = await startFakeProvider({
  port: numberOption('port', values.port) ?? 0,
  recordRequests: false,
  ...(failEvery === undefined || failEvery === 0
    ? {}
    : { fault: (request) => ((request.index + 1) % failEvery === 0 ? { kind: 'status' as const, status: failStatus, retryAfter: '1' } : undefined) }),
  ...(firstTokenDelayMs === undefined ? {} : { firstTokenDelayMs }),
  ...(chunkDelayMs === undefined ? {} : { chunkDelayMs }),
  ...(tokensPerChunk === undefined ? {} : { tokensPerChunk }),
});
console.log(provider.url);
if (!values.quiet) console.error(`fake provider: OpenAI-compatible at ${provider.url}/v1 (Ctrl-C stops it)`);

const stop = () => {
  provider.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
