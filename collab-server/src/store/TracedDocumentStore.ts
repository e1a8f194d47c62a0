import { context } from '@opentelemetry/api';
import { inSpan } from '../tracing.js';
import type { CompactionResult, DocumentStore, StoredUpdate } from './DocumentStore.js';

/** A document store whose loads and stores appear as spans in traces. */
export class TracedDocumentStore implements DocumentStore {
  constructor(
    private readonly inner: DocumentStore,
    private readonly backend: string,
  ) {}

  load(name: string): Promise<Uint8Array | null> {
    return inSpan(
      'document load',
      context.active(),
      { 'scrawl.document': name, 'scrawl.store': this.backend },
      async (span) => {
        const state = await this.inner.load(name);
        span.setAttribute('scrawl.bytes', state?.length ?? 0);
        return state;
      },
    );
  }

  loadParts(name: string): Promise<Uint8Array[]> {
    return inSpan(
      'document load',
      context.active(),
      { 'scrawl.document': name, 'scrawl.store': this.backend },
      async (span) => {
        const parts = await this.inner.loadParts(name);
        span.setAttribute(
          'scrawl.bytes',
          parts.reduce((sum, part) => sum + part.length, 0),
        );
        span.setAttribute('scrawl.parts', parts.length);
        return parts;
      },
    );
  }

  append(name: string, updates: readonly StoredUpdate[]): Promise<void> {
    return inSpan(
      'document store',
      context.active(),
      { 'scrawl.document': name, 'scrawl.store': this.backend, 'scrawl.updates': updates.length },
      () => this.inner.append(name, updates),
    );
  }

  readLog(name: string): Promise<StoredUpdate[]> {
    return inSpan(
      'document read log',
      context.active(),
      { 'scrawl.document': name, 'scrawl.store': this.backend },
      () => this.inner.readLog(name),
    );
  }

  compact(
    name: string,
    options?: { extra?: Uint8Array; keepLog?: boolean },
  ): Promise<CompactionResult> {
    return inSpan(
      'document compact',
      context.active(),
      { 'scrawl.document': name, 'scrawl.store': this.backend },
      () => this.inner.compact(name, options),
    );
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
