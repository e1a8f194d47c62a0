import { z } from 'zod';

/**
 * Every setting of every Scrawl process, read from environment variables by this one
 * schema. Unset variables take the defaults below; a bad value stops the process with a
 * message that names the variable and says what is expected.
 */

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;

/** An integer in [min, max] given as a decimal string. */
function integer(name: string, min: number, max: number, fallback: number, expected?: string) {
  const sentence = expected ?? `${name} must be an integer ${min}–${max}`;
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === '') return fallback;
      const trimmed = raw.trim();
      const value = /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
      if (!Number.isSafeInteger(value) || value < min || value > max) {
        ctx.addIssue({ code: 'custom', message: `${sentence}, got ${JSON.stringify(raw)}` });
        return z.NEVER;
      }
      return value;
    });
}

/** A TCP port; 0 asks the system for any free port. */
function port(name: string, fallback: number) {
  return integer(
    name,
    0,
    65535,
    fallback,
    `${name} must be an integer 1–65535 (or 0 for any free port)`,
  );
}

function oneOf<const T extends readonly [string, ...string[]]>(
  name: string,
  values: T,
  fallback: T[number],
) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T[number] => {
      if (raw === undefined || raw.trim() === '') return fallback;
      const value = raw.trim();
      if (!(values as readonly string[]).includes(value)) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be one of ${values.join(', ')}, got ${JSON.stringify(raw)}`,
        });
        return z.NEVER;
      }
      return value;
    });
}

function url(name: string, protocols: readonly string[]) {
  const expected = `${name} must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`;
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === '') return undefined;
      const value = raw.trim();
      // scheme://host… with no spaces; full parsing is left to the client library.
      const match = /^([a-z]+:)\/\/[^\s/?#]+[^\s]*$/i.exec(value);
      if (match?.[1] && protocols.includes(match[1].toLowerCase())) return value;
      ctx.addIssue({ code: 'custom', message: `${expected}, got ${JSON.stringify(raw)}` });
      return z.NEVER;
    });
}

function secret(name: string) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === '') return undefined;
      if (raw.length < 32) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be at least 32 characters long (got ${raw.length})`,
        });
        return z.NEVER;
      }
      return raw;
    });
}

function text(fallback: string) {
  return z
    .string()
    .optional()
    .transform((raw) => (raw === undefined || raw.trim() === '' ? fallback : raw.trim()));
}

function flag(name: string, fallback: boolean) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === '') return fallback;
      const value = raw.trim().toLowerCase();
      if (['true', '1', 'yes'].includes(value)) return true;
      if (['false', '0', 'no'].includes(value)) return false;
      ctx.addIssue({
        code: 'custom',
        message: `${name} must be true or false, got ${JSON.stringify(raw)}`,
      });
      return z.NEVER;
    });
}

function optionalText() {
  return z
    .string()
    .optional()
    .transform((raw) => (raw === undefined || raw.trim() === '' ? undefined : raw.trim()));
}

/** The schema of every environment variable Scrawl reads, with its default. */
export const configSchema = z.object({
  /** development | production | test. */
  NODE_ENV: oneOf('NODE_ENV', NODE_ENVS, 'development'),
  /** Interface the HTTP and WebSocket server binds to. 0.0.0.0 lets your network join. */
  HOST: text('127.0.0.1'),
  /** Port of the collab-server (HTTP API, web app, WebSocket on /collab). */
  PORT: port('PORT', 3000),
  /** The address players open, when it differs from http://HOST:PORT (a proxy in front). */
  PUBLIC_URL: url('PUBLIC_URL', ['http:', 'https:']),
  /** How much the JSON logs on stdout say: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
  /** Where the embedded mode keeps its database and generated secrets. */
  DATA_DIR: text('.scrawl'),
  /** Postgres for rooms, players and history. Unset: the embedded database under DATA_DIR. */
  DATABASE_URL: url('DATABASE_URL', ['postgres:', 'postgresql:']),
  /** Redis for document logs and pub/sub between instances. Unset: documents go to SQL. */
  REDIS_URL: url('REDIS_URL', ['redis:', 'rediss:']),
  /** Prefix of every Redis key and channel, so several deployments can share one Redis. */
  REDIS_PREFIX: text('scrawl'),
  /** HMAC key of player session tokens. Unset in the embedded mode: generated once. */
  SESSION_SECRET: secret('SESSION_SECRET'),
  /** Lifetime of a player session token, in seconds; the web app renews it while open. */
  SESSION_TTL_S: integer('SESSION_TTL_S', 60, 604800, 3600),
  /** Shared secret the referee authenticates to the collab-server with. */
  REFEREE_SECRET: secret('REFEREE_SECRET'),
  /** WebSocket address of the collab-server, as the referee dials it. */
  COLLAB_URL: url('COLLAB_URL', ['ws:', 'wss:']),
  /** Port of the referee's /healthz, /readyz and /metrics (0: any free port). */
  REFEREE_PORT: port('REFEREE_PORT', 3001),
  /** How often the referee looks for rooms that need a referee, in ms. */
  REFEREE_POLL_MS: integer('REFEREE_POLL_MS', 100, 60000, 1000),
  /** Directory of the built web app the collab-server serves. Unset: web/dist. */
  WEB_DIST: optionalText(),
  /** Largest WebSocket frame accepted, in bytes; a larger one closes the socket (1009). */
  LIMIT_FRAME_BYTES: integer('LIMIT_FRAME_BYTES', 1024, 64 * 1024 * 1024, 1024 * 1024),
  /** Document updates per second per socket (sustained; bursts of two seconds' worth pass). */
  LIMIT_UPDATES_PER_S: integer('LIMIT_UPDATES_PER_S', 1, 100_000, 120),
  /** Bytes of document updates per second per socket (sustained). */
  LIMIT_UPDATE_BYTES_PER_S: integer(
    'LIMIT_UPDATE_BYTES_PER_S',
    1024,
    1024 * 1024 * 1024,
    512 * 1024,
  ),
  /**
   * Presence (awareness) updates per second per socket; beyond, the latest is held and passed
   * on when allowed, and ten times the limit closes the socket.
   */
  LIMIT_PRESENCE_PER_S: integer('LIMIT_PRESENCE_PER_S', 1, 10_000, 30),
  /**
   * RPC messages per second per socket (chat has its own, stricter rule in the referee). The
   * per-socket limits do not apply to the referee's socket, which carries every room it drives.
   */
  LIMIT_RPC_PER_S: integer('LIMIT_RPC_PER_S', 1, 10_000, 10),
  /** Open WebSockets per client IP address (0: no limit). */
  LIMIT_CONNECTIONS_PER_IP: integer('LIMIT_CONNECTIONS_PER_IP', 0, 1_000_000, 64),
  /**
   * Messages a socket may send before its first document is authenticated (a provider
   * reconnecting after a long network blip sends 100 and more at once; the bytes limit below
   * bounds the memory).
   */
  LIMIT_PREAUTH_MESSAGES: integer('LIMIT_PREAUTH_MESSAGES', 1, 100_000, 1000),
  /** Bytes a socket may send before its first document is authenticated. */
  LIMIT_PREAUTH_BYTES: integer('LIMIT_PREAUTH_BYTES', 1024, 64 * 1024 * 1024, 256 * 1024),
  /** Points one canvas update may add. */
  LIMIT_POINTS_PER_UPDATE: integer('LIMIT_POINTS_PER_UPDATE', 1, 10_000_000, 50_000),
  /** Live strokes one canvas may hold. */
  LIMIT_STROKES_PER_CANVAS: integer('LIMIT_STROKES_PER_CANVAS', 1, 1_000_000, 5_000),
  /** The LiveKit server browsers connect to for voice (ws:// or wss://). Unset: voice is off. */
  LIVEKIT_URL: url('LIVEKIT_URL', ['ws:', 'wss:']),
  /** LiveKit's server API, when it differs from LIVEKIT_URL with http(s) (a private address). */
  LIVEKIT_API_URL: url('LIVEKIT_API_URL', ['http:', 'https:']),
  /** LiveKit API key (the key name in LiveKit's `keys`). */
  LIVEKIT_API_KEY: optionalText(),
  /** LiveKit API secret (32+ characters). */
  LIVEKIT_API_SECRET: secret('LIVEKIT_API_SECRET'),
  /** Lifetime of a voice token, in seconds. */
  VOICE_TOKEN_TTL_S: integer('VOICE_TOKEN_TTL_S', 60, 86400, 600),
  /**
   * Behind a reverse proxy (nginx): take the client's address from X-Forwarded-For for the
   * per-address limit. Only set it when the proxy overwrites that header.
   */
  TRUST_PROXY: flag('TRUST_PROXY', false),
  /** OpenTelemetry: export traces over OTLP/HTTP to this endpoint. Unset: tracing is off. */
  OTEL_EXPORTER_OTLP_ENDPOINT: url('OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:']),
  /** Name of this process instance in logs, metrics and Redis (default: host and pid). */
  INSTANCE_ID: optionalText(),
});

/** Parsed configuration. */
export type Config = z.output<typeof configSchema>;

/** The names of every variable the schema knows. */
export const CONFIG_VARIABLES = Object.keys(configSchema.shape) as (keyof Config)[];

/** A configuration that cannot be used; `problems` has one sentence per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment. Only the variables the schema knows are read.
 * @throws ConfigError naming every bad variable.
 * @example const config = loadConfig(process.env);
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const input: Record<string, string | undefined> = {};
  for (const name of CONFIG_VARIABLES) input[name] = env[name];
  const result = configSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) =>
    issue.code === 'custom' ? issue.message : `${issue.path.join('.')} ${issue.message}`,
  );
  throw new ConfigError([...new Set(problems)]);
}

/**
 * Narrows a configuration to one in which the named variables are set.
 * @throws ConfigError listing each missing variable.
 */
export function requireConfig<K extends keyof Config>(
  config: Config,
  names: readonly K[],
): Config & { [P in K]-?: NonNullable<Config[P]> } {
  const missing = names.filter((name) => config[name] === undefined);
  if (missing.length > 0) {
    throw new ConfigError(missing.map((name) => `${String(name)} must be set`));
  }
  return config as Config & { [P in K]-?: NonNullable<Config[P]> };
}

/** Voice settings when LiveKit is configured. */
export interface VoiceConfig {
  /** What browsers connect to. */
  url: string;
  /** What services call (RoomService). */
  apiUrl: string;
  apiKey: string;
  apiSecret: string;
  tokenTtlSeconds: number;
}

/**
 * The voice part of the configuration: null when no LIVEKIT_* variable is set (voice is
 * off, everything else works).
 * @throws ConfigError when only some of LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET are set.
 */
export function voiceConfig(config: Config): VoiceConfig | null {
  const { LIVEKIT_URL: url, LIVEKIT_API_KEY: apiKey, LIVEKIT_API_SECRET: apiSecret } = config;
  if (url === undefined && apiKey === undefined && apiSecret === undefined) return null;
  const missing = (
    [
      ['LIVEKIT_URL', url],
      ['LIVEKIT_API_KEY', apiKey],
      ['LIVEKIT_API_SECRET', apiSecret],
    ] as const
  ).filter(([, value]) => value === undefined);
  if (missing.length > 0 || url === undefined || apiKey === undefined || apiSecret === undefined) {
    throw new ConfigError(
      missing.map(([name]) => `${name} must be set when any LIVEKIT_* variable is set`),
    );
  }
  return {
    url,
    apiUrl: config.LIVEKIT_API_URL ?? url.replace(/^ws/, 'http'),
    apiKey,
    apiSecret,
    tokenTtlSeconds: config.VOICE_TOKEN_TTL_S,
  };
}
