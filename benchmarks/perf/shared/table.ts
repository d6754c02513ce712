/** Prints rows as a Markdown table with aligned columns. */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((line) => (line[column] ?? '').length)));
  const print = (cells: string[]) => console.log(`| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`);
  print(header);
  print(widths.map((width) => '-'.repeat(width)));
  for (const row of rows) print(row);
}

/** Runs a TypeScript file of this package in its own Node.js process and returns its last stdout line as JSON. */
export async function runScript<T>(file: string, args: string[]): Promise<T> {
  const { execFile } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const loader = new URL('../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
  const output = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, ['--import', loader, fileURLToPath(file), ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      error === null ? resolve(stdout) : reject(new Error(`${file}: ${error.message}\n${stderr}`)),
    );
  });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as T;
}
