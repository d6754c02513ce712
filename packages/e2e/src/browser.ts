import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium (.ci/run installs it when missing), driven by playwright-core. */
export const CHROMIUM = '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does it)`);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves a folder on 127.0.0.1 as a static host (GitHub Pages) would: files only, no server logic. */
export async function serveFolder(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** What a page did that a clean page must not: console errors and warnings, uncaught errors, dialogs, and every request. */
export function watchPage(page: Page): { problems: string[]; dialogs: string[]; requests: string[] } {
  const watched = { problems: [] as string[], dialogs: [] as string[], requests: [] as string[] };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') watched.problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => watched.problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => watched.requests.push(request.url()));
  return watched;
}

/** Per chart: the marks the build-time SVG has, those drawn live by Vega, and whether the live one rendered. */
export function chartMarks(page: Page): Promise<{ name: string; expected: number; live: number; staticMarks: number; rendered: string | null }[]> {
  return page.evaluate(() => {
    const count = (root: Element | null) => {
      if (root === null) return 0;
      let marks = 0;
      for (const group of root.querySelectorAll('g.role-mark')) {
        if (!/\bmark-(symbol|rect|line|rule|text|area)\b/.test(group.getAttribute('class') ?? '')) continue;
        for (const child of group.children) if (['path', 'line', 'text'].includes(child.tagName)) marks += 1;
      }
      return marks;
    };
    return [...document.querySelectorAll('figure.chart')].map((figure) => ({
      name: figure.getAttribute('data-chart') ?? '',
      expected: Number(figure.getAttribute('data-marks')),
      live: count(figure.querySelector('.chart-live')),
      staticMarks: count(figure.querySelector('.chart-static')),
      rendered: figure.getAttribute('data-rendered'),
    }));
  });
}
