import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embeddedDb.js';

let dir: string;
let database: EmbeddedDatabase;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scrawl-pglite-'));
  database = await startEmbeddedDatabase(dir);
});
afterAll(async () => {
  await database.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the embedded database server', () => {
  it("keeps concurrent connections' parameterized queries and transactions apart", async () => {
    const pools = [
      new pg.Pool({ connectionString: database.url, max: 6 }),
      new pg.Pool({ connectionString: database.url, max: 6 }),
    ];
    try {
      await pools[0]!.query(
        'create table if not exists t (id serial primary key, who text not null, n int not null, note text)',
      );
      const writes: Promise<unknown>[] = [];
      for (let i = 0; i < 200; i++) {
        const pool = pools[i % 2]!;
        writes.push(
          pool.query('insert into t (who, n, note) values ($1, $2, $3)', [
            `p${i % 2}`,
            i,
            'x'.repeat(i % 50),
          ]),
        );
        if (i % 10 === 0) {
          writes.push(
            (async () => {
              const client = await pool.connect();
              try {
                await client.query('begin');
                await client.query('insert into t (who, n, note) values ($1, $2, $3)', [
                  'tx',
                  i,
                  null,
                ]);
                await client.query('select pg_sleep(0.005)');
                await client.query('insert into t (who, n, note) values ($1, $2, $3)', [
                  'tx',
                  i + 1000,
                  null,
                ]);
                await client.query(i % 20 === 0 ? 'commit' : 'rollback');
              } finally {
                client.release();
              }
            })(),
          );
        }
      }
      await Promise.all(writes);
      const counts = await pools[1]!.query<{ who: string; count: string }>(
        'select who, count(*) from t group by who order by who',
      );
      expect(Object.fromEntries(counts.rows.map((r) => [r.who, Number(r.count)]))).toEqual({
        p0: 100,
        p1: 100,
        tx: 20,
      });
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  }, 60_000);

  it('rolls back the open transaction of a connection that goes away', async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    try {
      await pool.query('create table if not exists u (n int)');
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      await client.query('begin');
      await client.query('insert into u values (1)');
      client.on('error', () => {});
      (
        client as unknown as { connection: { stream: { destroy(): void } } }
      ).connection.stream.destroy();
      const { rows } = await pool.query<{ count: string }>('select count(*) from u');
      expect(Number(rows[0]!.count)).toBe(0);
    } finally {
      await pool.end();
    }
  }, 30_000);
});
