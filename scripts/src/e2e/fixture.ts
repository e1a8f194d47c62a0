import { afterAll, beforeAll } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startScrawl, type ScrawlProcess } from './scrawlProcess.js';

/** What a browser test file works with: set up before its tests, torn down after them. */
export interface ScrawlBrowser {
  readonly browser: Browser;
  /** A temporary directory, the embedded store's `DATA_DIR` unless a test says otherwise. */
  readonly dataDir: string;
  /** The Scrawl started last (throws before the first start). */
  readonly scrawl: ScrawlProcess;
  /** Starts `npm start`'s launcher on the data directory, with `env` added. */
  start(env?: Record<string, string>): Promise<ScrawlProcess>;
}

/**
 * One Chromium and one temporary data directory for a browser test file, and the Scrawl
 * processes its tests start, one at a time (they share the data directory): starting one stops
 * the one before if it still runs; after the tests, the last is stopped with all it started,
 * the browser closed and the directory removed. `launch` opens a browser of its own (with a
 * fake microphone, say); `startAtOnce` starts Scrawl before the first test.
 */
export function useScrawlBrowser(
  name: string,
  options: {
    launch?: (dataDir: string) => Promise<Browser>;
    startAtOnce?: boolean;
  } = {},
): ScrawlBrowser {
  let browser: Browser | undefined;
  let dataDir: string | undefined;
  let current: ScrawlProcess | undefined;

  const start = async (env: Record<string, string> = {}) => {
    if (!dataDir) throw new Error('the browser fixture is not set up yet');
    await current?.stop();
    current = await startScrawl({ DATA_DIR: dataDir, ...env });
    return current;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `scrawl-${name}-`));
    browser = await (options.launch ?? (() => launchBrowser()))(dataDir);
    if (options.startAtOnce) await start();
  }, 90_000);

  afterAll(async () => {
    await current?.stop();
    await browser?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready: the fixture is not set up`);
    return value;
  };
  return {
    get browser() {
      return ready(browser, 'the browser');
    },
    get dataDir() {
      return ready(dataDir, 'the data directory');
    },
    get scrawl() {
      return ready(current, 'Scrawl');
    },
    start,
  };
}
