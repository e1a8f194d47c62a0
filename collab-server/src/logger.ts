import { pino, type Logger } from 'pino';
import type { Config } from '@scrawl/protocol';

/** Structured JSON logs on stdout, one line per event. */
export function createLogger(config: Config, service: string, instanceId: string): Logger {
  return pino({ level: config.LOG_LEVEL, base: { service, instance: instanceId } });
}
