import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { HttpError, HttpErrorCode } from '@scrawl/protocol';

const STATUS: Record<HttpErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** Sends the API's error body with the status that belongs to its code. */
export function sendError(
  reply: FastifyReply,
  code: HttpErrorCode,
  message: string,
  field?: string,
): FastifyReply {
  const body: HttpError = { error: { code, message, ...(field ? { field } : {}) } };
  return reply.status(STATUS[code]).send(body);
}

/**
 * Parses a request body with a schema. On failure sends 400 naming the first bad field
 * and returns null.
 */
export function parseBody<T extends z.ZodType>(
  schema: T,
  body: unknown,
  reply: FastifyReply,
): z.output<T> | null {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  const message =
    issue?.code === 'unrecognized_keys'
      ? `unknown field ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`
      : `${field || 'body'} ${issue?.message ?? 'is invalid'}`;
  sendError(reply, 'bad_request', message, field || undefined);
  return null;
}
