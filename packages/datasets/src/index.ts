export { loadJsonl, loadJson, fileSha256, type Row, type LoadedRows } from './load-jsonl.js';
export { loadCsv } from './load-csv.js';
export { loadRows } from './load-rows.js';
export { readSource } from './read-source.js';
export { readItems, ItemFields } from './read-items.js';
