import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COLLAB_PATH, createDb, migrateToLatest } from '@scrawl/collab-server';
import { loadConfig, type Config } from '@scrawl/protocol';
import { startChild, stopChildren, type Child } from './children.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embeddedDb.js';
import type { LiveKitProcess } from './livekit.js';
import { startLocalVoice } from './localVoice.js';
import { freeTcpPort } from './ports.js';
import { removeRuntimeFile, writeRuntimeFile } from './runtimeFile.js';
import { loadOrCreateSecrets } from './secrets.js';
import { buildWeb, webBuildIsStale } from './webBuild.js';

/** Where `npm run dev` serves the app (Vite, with hot reload). */
export const DEV_SERVER_PORT = 5173;
/** Ctrl-C must leave nothing running after this long. */
export const SHUTDOWN_BUDGET_MS = 5000;
/** Of that budget, what children get before they are killed (PGlite closes after). */
const CHILD_STOP_MS = 4200;

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * `npm start`: the embedded default. Builds the web app if stale, starts the embedded
 * database (unless DATABASE_URL is set), migrates, then starts the collab-server and the
 * referee as child processes and prints the URL. Ctrl-C stops everything within 5 s.
 */
export async function launch(
  env: NodeJS.ProcessEnv,
  print: (line: string) => void,
  options: { dev?: boolean } = {},
): Promise<void> {
  const config = loadConfig(env);
  const dataDir = resolve(config.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const secrets = loadOrCreateSecrets(dataDir, env);

  if (!options.dev && webBuildIsStale(ROOT)) {
    print('Building the web app…');
    const started = Date.now();
    await buildWeb(ROOT, print);
    print(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }

  // A fixed port from here on: LiveKit's webhook needs to know it before the server starts.
  const port = config.PORT === 0 ? await freeTcpPort() : config.PORT;

  let voice: LiveKitProcess | null = null;
  const voiceEnv: Record<string, string> = {};
  if (!config.LIVEKIT_URL) {
    const started = await startLocalVoice(
      { apiKey: secrets.livekitKey, apiSecret: secrets.livekitSecret },
      `http://127.0.0.1:${port}/api/livekit/webhook`,
    );
    if (started.livekit) {
      voice = started.livekit;
      Object.assign(voiceEnv, {
        LIVEKIT_URL: started.livekit.url,
        LIVEKIT_API_KEY: started.settings.apiKey,
        LIVEKIT_API_SECRET: started.settings.apiSecret,
      });
      print(`Voice is on (livekit-server at ${started.livekit.url}).`);
    } else {
      print(`Voice is off: ${started.reason}. Everything else works.`);
    }
  }

  let database: EmbeddedDatabase | null = null;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    print(`Starting the embedded database in ${dataDir}…`);
    database = await startEmbeddedDatabase(dataDir);
    databaseUrl = database.url;
  }
  // The scrawl CLI reads this to reach the database (PGlite admits one process) and server.
  const runtime = { pid: process.pid, databaseUrl, collabUrl: null, startedAt: Date.now() };
  writeRuntimeFile(dataDir, runtime);
  const children: Child[] = [];
  let stopping: Promise<void> | null = null;
  const stop = (code: number) => {
    stopping ??= (async () => {
      await stopChildren([...children].reverse(), CHILD_STOP_MS);
      await Promise.all([database?.stop(), voice?.stop()]);
      removeRuntimeFile(dataDir);
      process.exit(code);
    })();
    return stopping;
  };
  process.on('SIGINT', () => {
    print('\nStopping Scrawl…');
    void stop(0);
  });
  process.on('SIGTERM', () => void stop(0));

  try {
    const db = createDb(databaseUrl, { max: 1 });
    const { applied } = await migrateToLatest(db);
    await db.destroy();
    if (applied.length > 0)
      print(`Database migrated (${applied.length} migration${applied.length === 1 ? '' : 's'}).`);

    const childEnv = {
      ...serviceEnv(env, config, { databaseUrl, ...secrets }),
      ...voiceEnv,
      PORT: String(port),
    };
    const collab = startChild(
      'collab-server',
      resolve(ROOT, 'collab-server/dist/bin.js'),
      childEnv,
    );
    children.push(collab);
    const { url } = await collab.ready;
    writeRuntimeFile(dataDir, { ...runtime, collabUrl: `ws://127.0.0.1:${port}${COLLAB_PATH}` });
    const referee = startChild('referee', resolve(ROOT, 'referee/dist/bin.js'), {
      ...childEnv,
      COLLAB_URL: `ws://127.0.0.1:${port}/collab`,
      REFEREE_PORT: env.REFEREE_PORT ?? '0',
    });
    children.push(referee);
    await referee.ready;
    let appUrl = url ?? `http://${config.HOST}:${port}`;
    if (options.dev) {
      // Vite serves the app from source with hot reload and forwards /api and /collab.
      const vite = startChild(
        'web dev server',
        resolve(ROOT, 'node_modules/vite/bin/vite.js'),
        { ...env, SCRAWL_COLLAB: `127.0.0.1:${port}` },
        {
          args: [
            '--host',
            config.HOST,
            '--port',
            String(DEV_SERVER_PORT),
            '--strictPort',
            '--logLevel',
            'warn',
          ],
          cwd: resolve(ROOT, 'web'),
        },
      );
      children.push(vite);
      appUrl = `http://${config.HOST}:${DEV_SERVER_PORT}`;
    }
    for (const child of children) {
      void child.exited.then((code) => {
        if (stopping) return;
        print(`The ${child.name} stopped unexpectedly (${code}). Stopping Scrawl.`);
        void stop(1);
      });
    }
    print('');
    print(`Scrawl is running: ${appUrl}`);
    if (options.dev) print('Development mode: the page reloads as you edit web/.');
    print('Open it in two browser tabs to draw together. Press Ctrl-C to stop.');
  } catch (error) {
    print(`Scrawl could not start: ${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
  }
}

/** The environment of the service processes: the user's, plus what the launcher decided. */
function serviceEnv(
  env: NodeJS.ProcessEnv,
  config: Config,
  decided: { databaseUrl: string; sessionSecret: string; refereeSecret: string },
): NodeJS.ProcessEnv {
  return {
    ...env,
    DATABASE_URL: decided.databaseUrl,
    SESSION_SECRET: decided.sessionSecret,
    REFEREE_SECRET: decided.refereeSecret,
    DATA_DIR: resolve(config.DATA_DIR),
    // The terminal shows the launcher's lines; services log warnings and errors only.
    LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
  };
}
