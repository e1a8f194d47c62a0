import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * What a running `npm start` tells other processes on this machine, in
 * `<DATA_DIR>/runtime.json`: PGlite's data directory can be opened by one process only, so
 * the `scrawl` CLI connects through the launcher's socket while it runs.
 */
const runtimeSchema = z.object({
  /** The launcher's process id. */
  pid: z.number().int().positive(),
  /** The database every service uses (the embedded one's socket, or DATABASE_URL). */
  databaseUrl: z.string().min(1),
  /** The collab-server's WebSocket address, once it is ready. */
  collabUrl: z.string().nullable(),
  /** When the launcher started, epoch ms. */
  startedAt: z.number(),
});
export type RuntimeInfo = z.output<typeof runtimeSchema>;

/** Where the runtime file of a data directory lives. */
export function runtimeFilePath(dataDir: string): string {
  return join(dataDir, 'runtime.json');
}

/** Writes the runtime file (readable by the owner only: DATABASE_URL may hold a password). */
export function writeRuntimeFile(dataDir: string, info: RuntimeInfo): void {
  writeFileSync(runtimeFilePath(dataDir), `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
}

/** The runtime file of a data directory, or null when there is none or it is unreadable. */
export function readRuntimeFile(dataDir: string): RuntimeInfo | null {
  let text: string;
  try {
    text = readFileSync(runtimeFilePath(dataDir), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = runtimeSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Removes the runtime file if it is this process's own (another launcher's stays). */
export function removeRuntimeFile(dataDir: string, pid = process.pid): void {
  if (readRuntimeFile(dataDir)?.pid === pid) rmSync(runtimeFilePath(dataDir), { force: true });
}
