import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig, requireConfig } from './config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.DATA_DIR).toBe('.scrawl');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.SESSION_TTL_S).toBe(3600);
    expect(config.LIMIT_FRAME_BYTES).toBe(1024 * 1024);
    expect(config.LIMIT_CONNECTIONS_PER_IP).toBe(64);
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('names PORT and says what it expects when PORT is not a number', () => {
    expect(problemsOf({ PORT: 'abc' })).toEqual([
      'PORT must be an integer 1–65535 (or 0 for any free port), got "abc"',
    ]);
  });

  it.each(['70000', '-1', '3.5', '12ab'])('refuses PORT=%s', (port) => {
    expect(problemsOf({ PORT: port })[0]).toMatch(/^PORT must be an integer 1–65535/);
  });

  it('accepts PORT=0 for any free port', () => {
    expect(loadConfig({ PORT: '0' }).PORT).toBe(0);
  });

  it('reports every bad variable at once', () => {
    const problems = problemsOf({ PORT: 'x', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://db' });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL must be one of fatal, error/);
    expect(problems.join('\n')).toMatch(
      /DATABASE_URL must be a URL starting with postgres:\/\/ or postgresql:\/\//,
    );
  });

  it('refuses a session secret shorter than 32 characters', () => {
    expect(problemsOf({ SESSION_SECRET: 'short' })).toEqual([
      'SESSION_SECRET must be at least 32 characters long (got 5)',
    ]);
  });

  it('accepts service URLs with credentials, ports and paths', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://user:pw@db.internal:5432/scrawl',
      REDIS_URL: 'rediss://:pw@cache:6380/0',
      COLLAB_URL: 'ws://127.0.0.1:3000/collab',
    });
    expect(config.DATABASE_URL).toBe('postgres://user:pw@db.internal:5432/scrawl');
    expect(config.REDIS_URL).toBe('rediss://:pw@cache:6380/0');
  });

  it('ignores variables the schema does not know', () => {
    expect(() => loadConfig({ PATH: '/bin', SOMETHING_ELSE: '1' })).not.toThrow();
  });
});

describe('requireConfig', () => {
  it('names each required variable that is missing', () => {
    expect(() => requireConfig(loadConfig({}), ['DATABASE_URL', 'SESSION_SECRET'])).toThrow(
      /DATABASE_URL must be set[\s\S]*SESSION_SECRET must be set/,
    );
  });
});
