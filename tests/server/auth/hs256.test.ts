// The synchronous HS256 check that guards every request: it accepts what jose accepts for the
// same options and refuses every tampered, expired or foreign token, with jose as the oracle.
import { createHmac } from 'node:crypto';
import { SignJWT, UnsecuredJWT, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { verifyHs256 } from '../../../src/server/auth/hs256';

const secret = 'a server secret of at least 32 characters';
const key = Buffer.from(secret, 'utf8');
const now = new Date('2026-12-02T10:00:00Z');
const t = Math.floor(now.getTime() / 1000);
const check = { issuer: 'till-erp', audience: 'till-register', now };

const sign = (
  payload: Record<string, unknown>,
  header: Record<string, unknown> = { alg: 'HS256' },
  k: Uint8Array = key,
) => new SignJWT(payload).setProtectedHeader(header as { alg: string }).sign(k);
const good = { sub: 'u1', iss: 'till-erp', aud: 'till-register', iat: t, exp: t + 600 };
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
/** A token signed by hand, for headers jose will not sign with. */
const craft = (header: Record<string, unknown>, payload: Record<string, unknown>) => {
  const signing = `${b64(header)}.${b64(payload)}`;
  return `${signing}.${createHmac('sha256', key).update(signing).digest('base64url')}`;
};

async function jose(token: string) {
  try {
    await jwtVerify(token, key, {
      algorithms: ['HS256'],
      issuer: check.issuer,
      audience: check.audience,
      currentDate: now,
      requiredClaims: ['exp', 'sub'],
    });
    return true;
  } catch {
    return false;
  }
}

describe('verifyHs256', () => {
  it('accepts a token of the key, issuer and audience, and gives its payload', async () => {
    expect(verifyHs256(craft({ alg: 'HS256' }, good), key, check)).toEqual(good);
    const token = await sign({ ...good, role: 'cashier' });
    expect(verifyHs256(token, key, check)).toEqual({ ...good, role: 'cashier' });
    expect(verifyHs256(await sign({ ...good, aud: ['x', 'till-register'] }), key, check)).not.toBe(
      null,
    );
  });

  const cases: [string, () => Promise<string>][] = [
    ['another key', () => sign(good, undefined, Buffer.from('another secret of 32 characters!!'))],
    ['HS512 with the right key', () => sign(good, { alg: 'HS512' })],
    ['alg none', async () => new UnsecuredJWT(good).encode()],
    [
      'a payload changed after signing',
      async () => {
        const [h, , s] = (await sign(good)).split('.');
        return `${h}.${b64({ ...good, sub: 'admin' })}.${s}`;
      },
    ],
    [
      'a header changed to none, signature kept',
      async () => {
        const [, p, s] = (await sign(good)).split('.');
        return `${b64({ alg: 'none' })}.${p}.${s}`;
      },
    ],
    ['a critical header', async () => craft({ alg: 'HS256', crit: ['x'], x: 1 }, good)],
    [
      'an unencoded payload (b64 false)',
      async () => craft({ alg: 'HS256', b64: false, crit: ['b64'] }, good),
    ],
    ['a hand-signed token with alg none', async () => craft({ alg: 'none' }, good)],
    [
      'a signature cut short',
      async () => {
        const token = await sign(good);
        return token.slice(0, -2);
      },
    ],
    [
      'a signature with a character outside base64url',
      async () => `${(await sign(good)).slice(0, -1)}+`,
    ],
    ['four parts', async () => `${await sign(good)}.x`],
    ['two parts', async () => (await sign(good)).split('.').slice(0, 2).join('.')],
    ['expiring now', () => sign({ ...good, exp: t })],
    ['expired', () => sign({ ...good, exp: t - 1 })],
    ['no exp', () => sign({ sub: 'u1', iss: 'till-erp', aud: 'till-register' })],
    ['a text exp', () => sign({ ...good, exp: String(t + 600) })],
    ['not before a later time', () => sign({ ...good, nbf: t + 60 })],
    ['another issuer', () => sign({ ...good, iss: 'evil' })],
    ['another audience', () => sign({ ...good, aud: 'someone-else' })],
    ['no subject', () => sign({ iss: 'till-erp', aud: 'till-register', exp: t + 600 })],
    ['garbage', async () => 'not.a.jwt'],
    ['empty', async () => ''],
  ];

  it.each(cases)('refuses %s, as jose does', async (_, make) => {
    const token = await make();
    expect(verifyHs256(token, key, check)).toBeNull();
    expect(await jose(token)).toBe(false);
  });

  it('accepts what jose accepts among the variations that should pass', async () => {
    for (const payload of [good, { ...good, nbf: t }, { ...good, extra: { a: [1] } }]) {
      const token = await sign(payload, { alg: 'HS256', typ: 'JWT' });
      expect(await jose(token)).toBe(true);
      expect(verifyHs256(token, key, check)).not.toBeNull();
    }
  });
});
