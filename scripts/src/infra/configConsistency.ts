import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { CONFIG_VARIABLES } from '@scrawl/protocol';

const INFRA = fileURLToPath(new URL('../../../infra/', import.meta.url));
/** The compose services that run Scrawl's own processes. */
export const SCRAWL_SERVICES = ['collab-1', 'collab-2', 'referee-1', 'referee-2'];

/** What a configuration sets against what the schema knows: missing and unknown names. */
export interface Mismatch {
  where: string;
  missing: string[];
  unknown: string[];
}

function compare(where: string, names: Iterable<string>): Mismatch {
  const set = new Set(names);
  const known = new Set<string>(CONFIG_VARIABLES);
  return {
    where,
    missing: [...known].filter((name) => !set.has(name)).sort(),
    unknown: [...set].filter((name) => !known.has(name)).sort(),
  };
}

/** Each Scrawl service of a compose file (text) against the schema. */
export function checkCompose(text: string): Mismatch[] {
  const compose = parse(text, { merge: true }) as {
    services?: Record<string, { environment?: unknown }>;
  };
  return SCRAWL_SERVICES.map((service) => {
    const environment = compose.services?.[service]?.environment;
    const names = Array.isArray(environment)
      ? environment.map((entry) => String(entry).split('=')[0] ?? '')
      : Object.keys((environment as Record<string, unknown> | undefined) ?? {});
    return compare(`compose service ${service}`, names);
  });
}

/** A Helm values file (text): `config` and `secrets` together against the schema. */
export function checkHelmValues(text: string): Mismatch[] {
  const values = parse(text) as {
    config?: Record<string, unknown>;
    secrets?: Record<string, unknown>;
  };
  const config = Object.keys(values.config ?? {});
  const secrets = Object.keys(values.secrets ?? {});
  const both = config.filter((name) => secrets.includes(name));
  const result = compare('helm values (config + secrets)', [...config, ...secrets]);
  return [
    {
      ...result,
      unknown: [...result.unknown, ...both.map((name) => `${name} (in both config and secrets)`)],
    },
  ];
}

/** The files as they are in infra/. */
export function readInfra(path: string): string {
  return readFileSync(`${INFRA}${path}`, 'utf8');
}

/** Metric names a Grafana dashboard's queries use. */
export function dashboardMetrics(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/scrawl_[a-z0-9_]+/g)) names.add(match[0]);
  return [...names].sort();
}
