// Verifying an HS256 access token with node:crypto, synchronously. Every request carries one,
// and jose verifies through WebCrypto, whose asynchronous HMAC cost each request about 0.4 ms
// of the server's one thread: the largest part of serving a shared pull page. jose still signs
// (at sign-in and refresh). The checks are jose's for these options, and nothing is lenient:
// one algorithm, no critical headers, a signature of exactly the right bytes, exp required.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface Hs256Check {
  issuer: string;
  audience: string;
  now: Date;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function decodeJson(part: string): Record<string, unknown> | null {
  if (!BASE64URL.test(part)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The payload of a token signed with `key` that passes every check, else null. */
export function verifyHs256(
  token: string,
  key: Buffer,
  check: Hs256Check,
): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [head, body, signature] = parts as [string, string, string];
  const header = decodeJson(head);
  if (!header || header.alg !== 'HS256' || 'crit' in header || 'b64' in header) return null;
  if (!BASE64URL.test(signature)) return null;
  const given = Buffer.from(signature, 'base64url');
  const expected = createHmac('sha256', key).update(`${head}.${body}`).digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const payload = decodeJson(body);
  if (!payload) return null;
  const now = Math.floor(check.now.getTime() / 1000);
  if (typeof payload.exp !== 'number' || payload.exp <= now) return null;
  if (payload.nbf !== undefined && (typeof payload.nbf !== 'number' || payload.nbf > now))
    return null;
  if (payload.iat !== undefined && typeof payload.iat !== 'number') return null;
  if (payload.iss !== check.issuer) return null;
  const aud = payload.aud;
  if (aud !== check.audience && !(Array.isArray(aud) && aud.includes(check.audience))) return null;
  if (typeof payload.sub !== 'string') return null;
  return payload;
}
