#!/usr/bin/env node
import { runEntry } from './entry.js';

/**
 * `scrawl` — the debug CLI (`npm run scrawl -- <command>`, or the package's bin). The
 * commands live in ../cli/; this only connects them to the process.
 */
await runEntry(async () => {
  const { runCli } = await import('../cli/runCli.js');
  // `npm run scrawl` runs in the repository root; relative paths mean the caller's directory.
  const cwd =
    process.env.npm_lifecycle_event === 'scrawl' && process.env.INIT_CWD
      ? process.env.INIT_CWD
      : process.cwd();
  let interrupt = () => {};
  const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  const code = await runCli(process.argv.slice(2), {
    env: process.env,
    cwd,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    stderr: process.stderr,
    interrupted,
  });
  // Wait for stdout to drain (a pipe may be slow), then leave even if a socket lingers.
  process.stdout.write('', () => process.exit(code));
});
