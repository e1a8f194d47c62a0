import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import {
  TEST_SECRETS,
  createTestDatabase,
  eventually,
  joinNewRoom,
} from '@scrawl/collab-server/testing';
import { HeadlessPlayer } from '../testing/HeadlessPlayer.js';

const COLLAB_BIN = fileURLToPath(new URL('../../../collab-server/dist/bin.js', import.meta.url));
const REFEREE_BIN = fileURLToPath(new URL('../../../referee/dist/bin.js', import.meta.url));

interface ExportedSpan {
  service: string;
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
}

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let collector: Server;
const spans: ExportedSpan[] = [];
const children: ChildProcess[] = [];

/** A minimal OTLP/HTTP (JSON) trace receiver. */
function startCollector(): Promise<number> {
  collector = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const payload = JSON.parse(body || '{}') as {
        resourceSpans?: {
          resource?: { attributes?: { key: string; value: { stringValue?: string } }[] };
          scopeSpans?: { spans?: Omit<ExportedSpan, 'service'>[] }[];
        }[];
      };
      for (const resource of payload.resourceSpans ?? []) {
        const service =
          resource.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ??
          '';
        for (const scope of resource.scopeSpans ?? [])
          for (const span of scope.spans ?? []) spans.push({ ...span, service });
      }
      response.setHeader('content-type', 'application/json').end('{}');
    });
  });
  return new Promise((resolve) =>
    collector.listen(0, '127.0.0.1', () => {
      const address = collector.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    }),
  );
}

function start(bin: string, env: Record<string, string>): Promise<number> {
  const child = spawn(process.execPath, [bin], {
    env: {
      ...process.env,
      ...TEST_SECRETS,
      LOG_LEVEL: 'error',
      DATABASE_URL: database.url,
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.on(
      'message',
      (m: { type?: string; port?: number }) => m.type === 'ready' && resolve(m.port ?? 0),
    );
    child.on('exit', (code) => reject(new Error(`${bin} exited with ${code}`)));
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve(null);
          child.once('exit', resolve);
          child.kill('SIGTERM');
        }),
    ),
  );
  await new Promise((resolve) => collector?.close(resolve));
  await database.drop();
});

describe('OpenTelemetry', () => {
  it('traces a chat message from the HTTP join through the collab-server to the referee, and document loads', async () => {
    const endpoint = `http://127.0.0.1:${await startCollector()}`;
    const port = await start(COLLAB_BIN, { PORT: '0', OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
    await start(REFEREE_BIN, {
      REFEREE_PORT: '0',
      REFEREE_POLL_MS: '200',
      COLLAB_URL: `ws://127.0.0.1:${port}/collab`,
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
    });
    const http = `http://127.0.0.1:${port}`;
    const { seats } = await joinNewRoom(http, ['Ana']);
    const ana = new HeadlessPlayer(seats[0]!, `ws://127.0.0.1:${port}/collab`);
    try {
      await eventually(() => expect(ana.state?.phase).toBe('lobby'), { timeoutMs: 10_000 });
      ana.send({ type: 'chat/send', text: 'traced hello' });
      await eventually(() => expect(ana.chat.some((l) => l.text === 'traced hello')).toBe(true));
      const crossing = await eventually(
        () => {
          const rpc = spans.find(
            (s) => s.service === 'scrawl-collab-server' && s.name === 'rpc chat/send',
          );
          const step = spans.find(
            (s) => s.service === 'scrawl-referee' && s.name === 'referee rpc chat/send',
          );
          expect(rpc).toBeDefined();
          expect(step).toBeDefined();
          return { rpc: rpc!, step: step! };
        },
        { timeoutMs: 10_000 },
      );
      expect(crossing.step.traceId).toBe(crossing.rpc.traceId);
      expect(crossing.step.parentSpanId).toBe(crossing.rpc.spanId);
      expect(spans.some((s) => s.name === 'HTTP POST /api/rooms/:code/join')).toBe(true);
      expect(spans.some((s) => s.name === 'document load')).toBe(true);
    } finally {
      ana.close();
    }
  }, 60_000);
});
