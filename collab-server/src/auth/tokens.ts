import { timingSafeEqual } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import {
  TOKEN_ISSUER,
  parseServiceToken,
  sessionClaimsSchema,
  type SessionClaims,
} from '@scrawl/protocol';

const AUDIENCE_PLAYER = 'scrawl:player';

/** A verified credential: a player's seat or a referee instance. */
export type Principal =
  | { kind: 'player'; claims: SessionClaims; expiresAt: number }
  | { kind: 'referee'; instanceId: string };

/** The keys credentials are checked against. */
export interface AuthSecrets {
  session: string;
  referee: string;
}

/** Signs a player's session token; returns it with its expiry (epoch ms). */
export async function signSessionToken(
  claims: SessionClaims,
  secret: string,
  ttlSeconds: number,
): Promise<{ token: string; expiresAt: number }> {
  const { sub, ...rest } = claims;
  const nowSeconds = Math.floor(Date.now() / 1000);
  const token = await new SignJWT(rest)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(AUDIENCE_PLAYER)
    .setIssuedAt(nowSeconds)
    .setExpirationTime(nowSeconds + ttlSeconds)
    .sign(key(secret));
  return { token, expiresAt: (nowSeconds + ttlSeconds) * 1000 };
}

/**
 * Verifies a credential. Returns null for anything that is not a valid, unexpired player
 * token or the referee's service token (the caller refuses it as "unauthorized").
 */
export async function verifyToken(token: string, secrets: AuthSecrets): Promise<Principal | null> {
  if (token.length === 0 || token.length > 4096) return null;
  const service = parseServiceToken(token);
  if (service) {
    return sameSecret(service.secret, secrets.referee)
      ? { kind: 'referee', instanceId: service.instanceId }
      : null;
  }
  return verifySessionToken(token, secrets.session);
}

/** Verifies a player's session token; null unless it is valid and unexpired. */
export async function verifySessionToken(
  token: string,
  secret: string,
): Promise<Extract<Principal, { kind: 'player' }> | null> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer: TOKEN_ISSUER,
      audience: AUDIENCE_PLAYER,
      algorithms: ['HS256'],
    });
    const claims = sessionClaimsSchema.safeParse(payload);
    if (!claims.success || typeof payload.exp !== 'number') return null;
    return { kind: 'player', claims: claims.data, expiresAt: payload.exp * 1000 };
  } catch {
    return null;
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}
