export { loadJsonl, loadJson, fileSha256, type Row, type LoadedRows } from './load-jsonl.js';
export { loadCsv } from './load-csv.js';
export { loadRows } from './load-rows.js';
export { readSource } from './read-source.js';
export { readItems, ItemFields } from './read-items.js';
export { downloadPinned, type DownloadPinnedOptions } from './hub/download-pinned.js';
export { hubFile, hubUrl, hubEndpoint, type HubFileOptions } from './hub/hub-file.js';
export { githubRawUrl } from './hub/github-raw.js';
export { dataCacheDir, isOffline } from './hub/data-dir.js';
