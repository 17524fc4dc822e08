// Access tokens: HS256 JWTs for 15 minutes. Verification pins the algorithm, issuer and
// audience, so `alg: none`, another key, another audience or an expired token all fail.
import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';
import { role } from '../../shared/records/user';

export const ISSUER = 'till-erp';
export const AUDIENCE = 'till-register';
export const ACCESS_TOKEN_SECONDS = 15 * 60;

export const accessClaims = z.object({
  sub: z.uuid(),
  role,
  storeId: z.uuid(),
  deviceId: z.uuid(),
});
export type AccessClaims = z.infer<typeof accessClaims>;

export interface TokenSigner {
  sign(claims: AccessClaims, now?: Date): Promise<string>;
  /** The claims, or null for any token that is not ours, not for us, or expired. */
  verify(token: string, now?: Date): Promise<AccessClaims | null>;
}

export function tokenSigner(secret: string): TokenSigner {
  // Imported once: given the raw bytes, jose imports a key on every call, which was a good part
  // of what a pull costs the server when a whole store pulls at once.
  const imported = crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
  return {
    async sign(claims, now = new Date()) {
      const key = await imported;
      const iat = Math.floor(now.getTime() / 1000);
      return new SignJWT({ role: claims.role, storeId: claims.storeId, deviceId: claims.deviceId })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(claims.sub)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ACCESS_TOKEN_SECONDS)
        .sign(key);
    },
    async verify(token, now = new Date()) {
      try {
        const { payload } = await jwtVerify(token, await imported, {
          algorithms: ['HS256'],
          issuer: ISSUER,
          audience: AUDIENCE,
          currentDate: now,
          requiredClaims: ['exp', 'sub'],
        });
        const parsed = accessClaims.safeParse(payload);
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
  };
}
