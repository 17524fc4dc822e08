// Access tokens: HS256 JWTs for 15 minutes. Verification pins the algorithm, issuer and
// audience, so `alg: none`, another key, another audience or an expired token all fail.
import { SignJWT } from 'jose';
import { verifyHs256 } from './hs256';
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
  const bytes = Buffer.from(secret, 'utf8');
  return {
    async sign(claims, now = new Date()) {
      const iat = Math.floor(now.getTime() / 1000);
      return new SignJWT({ role: claims.role, storeId: claims.storeId, deviceId: claims.deviceId })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(claims.sub)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ACCESS_TOKEN_SECONDS)
        .sign(bytes);
    },
    verify(token, now = new Date()) {
      const payload = verifyHs256(token, bytes, { issuer: ISSUER, audience: AUDIENCE, now });
      const parsed = payload ? accessClaims.safeParse(payload) : null;
      return Promise.resolve(parsed?.success ? parsed.data : null);
    },
  };
}
