import { describe, expect, it } from '@jest/globals';
import { serviceToken, type PlayerId, type RoomId } from '@scrawl/protocol';
import { signSessionToken, verifyToken } from './tokens.js';

const secrets = { session: 's'.repeat(32), referee: 'r'.repeat(32) };
const claims = {
  sub: 'aaaaaaaaaaaaaaaa' as PlayerId,
  room: 'bbbbbbbbbbbbbbbb' as RoomId,
  role: 'player' as const,
  name: 'Ana',
  color: '#112233',
};

describe('tokens', () => {
  it('verifies a session token it signed', async () => {
    const { token, expiresAt } = await signSessionToken(claims, secrets.session, 60);
    const principal = await verifyToken(token, secrets);
    expect(principal).toMatchObject({ kind: 'player', claims });
    expect(expiresAt).toBeGreaterThan(Date.now());
  });

  it('refuses a token signed with another key', async () => {
    const { token } = await signSessionToken(claims, 'x'.repeat(32), 60);
    expect(await verifyToken(token, secrets)).toBeNull();
  });

  it('refuses a tampered token', async () => {
    const { token } = await signSessionToken(claims, secrets.session, 60);
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'cccccccccccccccc' })).toString(
      'base64url',
    );
    expect(await verifyToken(`${header}.${forged}.${signature}`, secrets)).toBeNull();
  });

  it('accepts the referee only with the right service secret', async () => {
    expect(await verifyToken(serviceToken('ref-1', secrets.referee), secrets)).toEqual({
      kind: 'referee',
      instanceId: 'ref-1',
    });
    expect(await verifyToken(serviceToken('ref-1', 'w'.repeat(32)), secrets)).toBeNull();
    expect(await verifyToken(serviceToken('ref-1', secrets.session), secrets)).toBeNull();
  });

  it('refuses empty and garbage tokens', async () => {
    expect(await verifyToken('', secrets)).toBeNull();
    expect(await verifyToken('not.a.jwt', secrets)).toBeNull();
    expect(await verifyToken('referee:', secrets)).toBeNull();
  });
});
