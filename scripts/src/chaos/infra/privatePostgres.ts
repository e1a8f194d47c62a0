import { execFile, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freeTcpPort } from '../../start/ports.js';

const run = promisify(execFile);

/** Where initdb, pg_ctl and postgres live: PG_BIN, or the newest /usr/lib/postgresql/<v>/bin. */
function postgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0])
    throw new Error('no Postgres server binaries found: install postgresql or set PG_BIN');
  return join(root, versions[0], 'bin');
}

/** Postgres refuses to run as root: as root, commands run as the `postgres` user. */
function asPostgres(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0
    ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
    : [command, args];
}

/**
 * A Postgres cluster of the suite's own, in a temporary directory on a free port, so store
 * outages never touch the machine's Postgres that other tests use. Stop and start it at
 * will; `destroy()` removes it.
 */
export class PrivatePostgres {
  private running = false;

  private constructor(
    private readonly dir: string,
    readonly port: number,
    private readonly bin: string,
  ) {}

  static async create(): Promise<PrivatePostgres> {
    const bin = postgresBin();
    const dir = mkdtempSync(join(tmpdir(), 'scrawl-chaos-pg-'));
    if (process.getuid?.() === 0) {
      const uid = Number(spawnSync('id', ['-u', 'postgres']).stdout.toString().trim());
      const gid = Number(spawnSync('id', ['-g', 'postgres']).stdout.toString().trim());
      chownSync(dir, uid, gid);
    }
    const cluster = new PrivatePostgres(dir, await freeTcpPort(), bin);
    await cluster.pg('initdb', [
      '-D',
      join(dir, 'data'),
      '-U',
      'postgres',
      '--auth=trust',
      '--no-sync',
      '-E',
      'UTF8',
    ]);
    await cluster.start();
    return cluster;
  }

  /** A connection URL for one database of the cluster. */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Creates a database and returns its URL. */
  async createDatabase(name: string): Promise<string> {
    const client = new pg.Client({ connectionString: this.url() });
    await client.connect();
    try {
      await client.query(`create database "${name.replace(/\W/g, '')}"`);
    } finally {
      await client.end();
    }
    return this.url(name);
  }

  /** Starts the server if it is stopped; resolves once it accepts connections. */
  async start(): Promise<void> {
    if (this.running) return;
    await this.pg('pg_ctl', [
      '-D',
      join(this.dir, 'data'),
      '-l',
      join(this.dir, 'server.log'),
      '-w',
      '-o',
      // No fsync: the suite kills processes, never the machine, and the page cache survives.
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
      'start',
    ]);
    this.running = true;
  }

  /** Stops the server (fast: open sessions are ended); resolves once it is down. */
  async stop(): Promise<void> {
    if (!this.running) return;
    await this.pg('pg_ctl', ['-D', join(this.dir, 'data'), '-m', 'fast', '-w', 'stop']);
    this.running = false;
  }

  /** Stops the server if it runs and removes the cluster. */
  async destroy(): Promise<void> {
    if (this.running) {
      await this.pg('pg_ctl', [
        '-D',
        join(this.dir, 'data'),
        '-m',
        'immediate',
        '-w',
        'stop',
      ]).catch(() => {});
      this.running = false;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async pg(tool: string, args: string[]): Promise<void> {
    const [command, argv] = asPostgres(join(this.bin, tool), args);
    await run(command, argv, { cwd: this.dir });
  }
}
