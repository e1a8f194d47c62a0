import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { parseDocName } from '@scrawl/protocol';

/** The collab-server's Prometheus metrics, on one registry served at /metrics. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'scrawl_collab_' });
  // The loaded documents' names, read when scraped (Hocuspocus' afterLoadDocument hook runs
  // before the document joins its map, so counting there came out one low).
  let loadedNames: () => Iterable<string> = () => [];
  return {
    registry,
    /** Where the document and room gauges read the loaded documents' names from. */
    countLoaded(names: () => Iterable<string>): void {
      loadedNames = names;
    },
    connections: new Gauge({
      name: 'scrawl_collab_connections',
      help: 'Open WebSocket connections',
      registers: [registry],
    }),
    documents: new Gauge({
      name: 'scrawl_collab_documents_loaded',
      help: 'Documents held in memory',
      registers: [registry],
      collect() {
        this.set([...loadedNames()].length);
      },
    }),
    documentsLoaded: new Counter({
      name: 'scrawl_collab_document_loads_total',
      help: 'Documents loaded from the store',
      registers: [registry],
    }),
    updates: new Counter({
      name: 'scrawl_collab_updates_total',
      help: 'Document updates applied, by document kind',
      labelNames: ['kind'],
      registers: [registry],
    }),
    bytesIn: new Counter({
      name: 'scrawl_collab_ws_bytes_in_total',
      help: 'WebSocket bytes received',
      registers: [registry],
    }),
    bytesOut: new Counter({
      name: 'scrawl_collab_ws_bytes_out_total',
      help: 'WebSocket bytes sent',
      registers: [registry],
    }),
    refused: new Counter({
      name: 'scrawl_collab_refused_total',
      help: 'Connections or frames refused, by reason',
      labelNames: ['reason'],
      registers: [registry],
    }),
    storeSeconds: new Histogram({
      name: 'scrawl_collab_store_seconds',
      help: 'Document store latency, by operation',
      labelNames: ['operation'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    storeErrors: new Counter({
      name: 'scrawl_collab_store_errors_total',
      help: 'Failed document store operations, by operation',
      labelNames: ['operation'],
      registers: [registry],
    }),
    rooms: new Gauge({
      name: 'scrawl_collab_rooms_active',
      help: 'Rooms with a loaded game document',
      registers: [registry],
      collect() {
        let rooms = 0;
        for (const name of loadedNames()) if (parseDocName(name)?.kind === 'game') rooms++;
        this.set(rooms);
      },
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
