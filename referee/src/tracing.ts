import {
  SpanStatusCode,
  context,
  propagation,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';

/** Spans are sent in batches at most this long after they end. */
const EXPORT_DELAY_MS = 500;

/**
 * OpenTelemetry for this process: traces of HTTP requests, RPC messages and document
 * loads and stores, exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set. Without
 * it the API's no-op tracer is used and spans cost next to nothing. Trace context crosses to
 * the referee inside RPC messages (`trace`: a W3C traceparent).
 * Returns a function that flushes and stops the exporter.
 */
export function initTracing(
  endpoint: string | undefined,
  service: string,
  instance: string,
): () => Promise<void> {
  if (!endpoint) return () => Promise.resolve();
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': service, 'service.instance.id': instance }),
    spanProcessors: [
      new BatchSpanProcessor({
        exporter: new OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, '')}/v1/traces` }),
        scheduledDelayMillis: EXPORT_DELAY_MS,
      }),
    ],
  });
  trace.setGlobalTracerProvider(provider);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  return () => provider.shutdown();
}

/** The context a W3C traceparent continues (the active one when there is none). */
export function contextFrom(traceparent: string | undefined): Context {
  return traceparent ? propagation.extract(context.active(), { traceparent }) : context.active();
}

/** The W3C traceparent of a span, to send along with a message. */
export function traceparentOf(span: Span): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(context.active(), span), carrier);
  return carrier.traceparent;
}

/** Runs `work` in a span named `name`, child of `parent`; records a failure on the span. */
export async function inSpan<T>(
  name: string,
  parent: Context,
  attributes: Attributes,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const span = trace.getTracer('scrawl').startSpan(name, { attributes }, parent);
  try {
    return await work(span);
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}

/** A child context of `parent` holding `span`, for spans that follow from it. */
export function within(parent: Context, span: Span): Context {
  return trace.setSpan(parent, span);
}
