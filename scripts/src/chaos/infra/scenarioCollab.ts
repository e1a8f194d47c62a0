import { createDb, SqlDocumentStore } from '@scrawl/collab-server';
import type { ScenarioContext } from '../context.js';
import { Crowd } from '../load/crowd.js';
import { freeTcpPort } from '../../start/ports.js';
import { startCollab, type ServiceProcess } from './serviceProcess.js';

/**
 * A scenario's collab-server: on a fresh database of the suite's own cluster and a free
 * port, SIGKILLed after the scenario whatever happened. It can be restarted on the same port
 * and database (after a kill), and the store it wrote opened for an audit. `env` adds
 * settings (REDIS_URL, INSTANCE_ID: one of several instances on one Redis).
 */
export class ScenarioCollab {
  private current: ServiceProcess;

  private constructor(
    private readonly context: Pick<ScenarioContext, 'logFd' | 'defer'>,
    readonly databaseUrl: string,
    readonly port: number,
    private readonly options: CollabOptions,
    first: ServiceProcess,
  ) {
    this.current = first;
    context.defer(() => this.current.kill('SIGKILL'));
  }

  static async start(
    context: Pick<ScenarioContext, 'database' | 'logFd' | 'defer'>,
    options: CollabOptions = {},
  ): Promise<ScenarioCollab> {
    const databaseUrl = await context.database();
    const port = await freeTcpPort();
    const first = await startCollab(
      options.name ?? 'collab',
      environment(databaseUrl, port, options),
      context.logFd,
    );
    return new ScenarioCollab(context, databaseUrl, port, options, first);
  }

  /** The running process (the latest, after restarts). */
  get process(): ServiceProcess {
    return this.current;
  }

  get http(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The collab WebSocket URL, not through any fault proxy. */
  get ws(): string {
    return `ws://127.0.0.1:${this.port}/collab`;
  }

  /** Starts it again on the same port and database. */
  async restart(): Promise<ServiceProcess> {
    this.current = await startCollab(
      this.options.name ?? 'collab',
      environment(this.databaseUrl, this.port, this.options),
      this.context.logFd,
    );
    return this.current;
  }

  /** Players seated in fresh rooms of this server (closed after the scenario). */
  async crowd(
    options: Omit<Parameters<typeof Crowd.join>[0], 'http' | 'collabPort'>,
  ): Promise<Crowd> {
    const crowd = await Crowd.join({ ...options, http: this.http, collabPort: this.port });
    this.context.defer(() => crowd.close());
    return crowd;
  }

  /** The document store the server wrote, read directly (closed after the scenario). */
  openStore(): SqlDocumentStore {
    const db = createDb(this.databaseUrl, { max: 2 });
    this.context.defer(() => db.destroy());
    return new SqlDocumentStore(db);
  }
}

/** A process name for the logs, and settings beyond the database and port. */
export interface CollabOptions {
  name?: string;
  env?: Record<string, string>;
}

function environment(
  databaseUrl: string,
  port: number,
  options: CollabOptions,
): { DATABASE_URL: string; PORT: string } {
  return { ...options.env, DATABASE_URL: databaseUrl, PORT: String(port) };
}
