import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './errors.js';

const NOT_BUILT_PAGE = `<!doctype html><meta charset="utf-8"><title>Scrawl</title>
<body style="font-family:system-ui;max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1>Scrawl is running, but its web app has not been built</h1>
<p>Run <code>npm run build</code> (or start with <code>npm start</code>, which builds it for you) and reload this page.</p>`;

/**
 * Serves the built web app from `dist`, with every unknown GET path outside the API
 * answered by index.html so links like /r/K7PQ2X open the app.
 */
export async function registerWebApp(app: FastifyInstance, dist: string): Promise<void> {
  const built = existsSync(join(dist, 'index.html'));
  if (built) {
    // wildcard: files are looked up per request, so a rebuild is served without a restart.
    await app.register(fastifyStatic, { root: dist, wildcard: true, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.method !== 'GET' || path.startsWith('/api/') || /\.[a-z0-9]+$/i.test(path)) {
      return sendError(reply, 'not_found', `Nothing at ${request.method} ${path}.`);
    }
    if (!built) return reply.status(503).type('text/html').send(NOT_BUILT_PAGE);
    return reply.type('text/html').sendFile('index.html');
  });
}
