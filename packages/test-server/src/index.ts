export { startFakeProvider } from './server.js';
export { readFixture, FIXTURES_DIRECTORY } from './fixtures.js';
export { splitWords, countWords, sseFrame } from './sse.js';
export type { Dialect, Exchange, Pacing } from './dialect.js';
export type { FakeAnswer, FakeProvider, FakeProviderOptions, FakeRequest, Fault, Protocol } from './types.js';
export { startFakeHub, gitBlobId, type FakeHub, type FakeHubRequest, type HubFile } from './fake-hub.js';
