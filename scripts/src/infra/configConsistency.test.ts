import { describe, expect, it } from '@jest/globals';
import { createMetrics as collabMetrics } from '@scrawl/collab-server';
import { createMetrics as refereeMetrics } from '@scrawl/referee';
import { checkCompose, checkHelmValues, dashboardMetrics, readInfra } from './configConsistency.js';

const ok = (where: string) => ({ where, missing: [], unknown: [] });

describe('infra configuration matches the config schema', () => {
  it('sets every variable the schema knows, and nothing else, for every Scrawl service in compose', () => {
    for (const result of checkCompose(readInfra('compose/compose.yaml')))
      expect(result).toEqual(ok(result.where));
  });

  it('names every variable, and nothing else, in the Helm chart values', () => {
    for (const result of checkHelmValues(readInfra('helm/scrawl/values.yaml')))
      expect(result).toEqual(ok(result.where));
  });

  it('notices a variable removed from the compose file, and an unknown one added', () => {
    const text = readInfra('compose/compose.yaml');
    const removed = checkCompose(text.replace(/^ {2}LIMIT_RPC_PER_S:.*\n/m, ''));
    expect(removed[0]?.missing).toEqual(['LIMIT_RPC_PER_S']);
    const added = checkCompose(
      text.replace(/^ {2}LOG_LEVEL: info\n/m, '  LOG_LEVEL: info\n  LOG_LEVLE: debug\n'),
    );
    expect(added[0]?.unknown).toEqual(['LOG_LEVLE']);
  });

  it('charts only metrics the processes export', async () => {
    const exported = new Set<string>();
    for (const registry of [collabMetrics().registry, refereeMetrics(() => 0).registry]) {
      for (const metric of await registry.getMetricsAsJSON()) {
        exported.add(metric.name);
        if (String(metric.type) === 'histogram')
          for (const suffix of ['_bucket', '_sum', '_count'])
            exported.add(`${metric.name}${suffix}`);
      }
    }
    const used = dashboardMetrics(readInfra('grafana/dashboards/scrawl.json'));
    expect(used.length).toBeGreaterThan(8);
    expect(used.filter((name) => !exported.has(name))).toEqual([]);
  });
});
