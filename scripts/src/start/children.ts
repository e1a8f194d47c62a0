import { spawn, type ChildProcess } from 'node:child_process';

/** A service process the launcher started. */
export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  /** Resolves with the child's `{type:'ready'}` IPC message. */
  readonly ready: Promise<{ port: number; url?: string }>;
  /** Resolves with the exit code (or signal) when the child exits. */
  readonly exited: Promise<number | string>;
}

/**
 * Starts a Node service in its own process group (so a terminal's Ctrl-C reaches only the
 * launcher, which then stops children in order) with an IPC channel: the child reports
 * readiness over it, and exits on its own if the launcher disappears.
 */
export function startChild(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  options: { args?: string[]; cwd?: string; command?: string } = {},
): Child {
  // A Node script by default; `command` runs another program (nginx), which reports no
  // readiness over IPC: the caller waits for its port instead.
  const child = spawn(
    options.command ?? process.execPath,
    options.command ? (options.args ?? []) : [script, ...(options.args ?? [])],
    {
      env,
      stdio: options.command
        ? ['ignore', 'inherit', 'inherit']
        : ['ignore', 'inherit', 'inherit', 'ipc'],
      detached: true,
      ...(options.cwd ? { cwd: options.cwd } : {}),
    },
  );
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  const ready = new Promise<{ port: number; url?: string }>((resolve, reject) => {
    child.on('message', (message: unknown) => {
      const m = message as { type?: unknown; port?: unknown; url?: unknown };
      if (m.type === 'ready' && typeof m.port === 'number') {
        resolve({ port: m.port, ...(typeof m.url === 'string' ? { url: m.url } : {}) });
      }
    });
    void exited.then((code) =>
      reject(new Error(`the ${name} exited before it was ready (${code})`)),
    );
  });
  ready.catch(() => {});
  return { name, process: child, ready, exited };
}

/**
 * Asks children to stop (SIGTERM), waits up to `timeoutMs` for all of them, then kills
 * whatever is left. Resolves once every child is gone.
 */
export async function stopChildren(children: readonly Child[], timeoutMs: number): Promise<void> {
  const running = children.filter(
    (c) => c.process.exitCode === null && c.process.signalCode === null,
  );
  for (const child of running) child.process.kill('SIGTERM');
  const all = Promise.all(running.map((c) => c.exited));
  const timedOut = await Promise.race([
    all.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(true), timeoutMs).unref()),
  ]);
  if (timedOut) {
    for (const child of running) {
      if (child.process.exitCode === null && child.process.signalCode === null)
        child.process.kill('SIGKILL');
    }
    await all;
  }
}
