/**
 * `npm run bench -w web`: the replay seek benchmark (issue 7, acceptance 2). Builds the
 * benchmark page (src/bench/seekBench.ts) with the app's own Vite config, serves it on
 * loopback, runs it in headless Chromium and prints the figures. Target: under 50 ms a seek.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { printResult, type BenchResult } from './report.js';

const WEB = fileURLToPath(new URL('../../', import.meta.url));
const PAGE = join(WEB, 'bench/dist/page');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};
/** Building 500 strokes' replay and 200 timed seeks takes a few seconds; allow plenty. */
const RUN_TIMEOUT_MS = 180_000;

await build({
  configFile: join(WEB, 'vite.config.ts'),
  root: join(WEB, 'bench'),
  logLevel: 'warn',
  build: { outDir: PAGE, emptyOutDir: true },
});

const server = createServer((request, response) => {
  const path = normalize((request.url ?? '/').split('?')[0] ?? '/').replace(/^(\.\.[/\\])+/, '');
  const file = join(PAGE, path === '/' ? 'index.html' : path);
  readFile(file).then(
    (body) => {
      response.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
      response.end(body);
    },
    () => {
      response.statusCode = 404;
      response.end();
    },
  );
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.waitForFunction(() => '__seekBench' in globalThis, undefined, {
    timeout: RUN_TIMEOUT_MS,
  });
  const result = await page.evaluate(
    () => (globalThis as unknown as { __seekBench: BenchResult }).__seekBench,
  );
  printResult(result, `Chromium ${browser.version()}`);
} finally {
  await browser.close();
  server.close();
}
