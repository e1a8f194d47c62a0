import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';

/** The referee's Prometheus metrics. */
export function createMetrics(rooms: () => number) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'scrawl_referee_' });
  new Gauge({
    name: 'scrawl_referee_rooms',
    help: 'Rooms this referee drives',
    registers: [registry],
    collect() {
      this.set(rooms());
    },
  });
  return { registry };
}
