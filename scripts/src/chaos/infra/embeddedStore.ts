import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScenarioContext } from '../context.js';
import { watchService, type ServiceProcess } from './serviceProcess.js';

const MAIN = fileURLToPath(new URL('./embeddedStoreMain.js', import.meta.url));

/**
 * The embedded store of `npm start` (PGlite served over the Postgres wire protocol,
 * start/embeddedDb.ts) on a fresh data directory, in a process of its own: `npm start` runs
 * it inside the launcher, here it runs alone so that a scenario can freeze it (SIGSTOP: its
 * connections stay open and nothing answers, as a hung database) and let it go on (SIGCONT).
 * Killed, and its data removed, after the scenario.
 */
export class EmbeddedStore {
  private constructor(private readonly service: ServiceProcess) {}

  static async start(context: Pick<ScenarioContext, 'logFd' | 'defer'>): Promise<EmbeddedStore> {
    const dir = mkdtempSync(join(tmpdir(), 'scrawl-chaos-pglite-'));
    context.defer(() => rmSync(dir, { recursive: true, force: true }));
    const child = spawn(process.execPath, [MAIN, dir], {
      stdio: ['ignore', context.logFd, context.logFd, 'ipc'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    context.defer(async () => {
      child.kill('SIGKILL');
      await exited;
    });
    return new EmbeddedStore(await watchService('embedded store', child));
  }

  /** The database's URL (PGlite serves one database, `postgres`). */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.service.port}/postgres`;
  }

  /** Freezes the process: connections stay open, nothing answers. */
  freeze(): void {
    this.service.child.kill('SIGSTOP');
  }

  /** Lets it go on from where it stood. */
  thaw(): void {
    this.service.child.kill('SIGCONT');
  }
}
