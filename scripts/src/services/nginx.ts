import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TEMPLATE = fileURLToPath(new URL('../../../infra/nginx/scrawl.conf', import.meta.url));

/** infra/nginx/scrawl.conf filled in for loopback: its file path, ready for `nginx -c`. */
export function writeNginxConfig(
  prefix: string,
  listen: string,
  upstreams: readonly string[],
): string {
  mkdirSync(prefix, { recursive: true });
  const servers = upstreams
    .map((address) => `    server ${address} max_fails=1 fail_timeout=5s;`)
    .join('\n');
  const values: Record<string, string> = {
    NGINX_PREFIX: prefix,
    LISTEN: listen,
    UPSTREAM_SERVERS: servers,
  };
  const config = readFileSync(TEMPLATE, 'utf8').replace(
    /\$\{(\w+)\}/g,
    (whole, name: string) => values[name] ?? whole,
  );
  const file = join(prefix, 'nginx.conf');
  writeFileSync(file, config);
  return file;
}
