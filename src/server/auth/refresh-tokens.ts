// Rotating refresh tokens. Each use hands out a new token of the same family; a token used
// twice means it was copied, so the whole family is revoked (RFC 6749 §10.4, OAuth BCP).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database';

export const REFRESH_TOKEN_DAYS = 30;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function issueRefreshToken(
  db: Queryable,
  userId: string,
  deviceId: string,
  now: Date,
  familyId: string = randomUUID(),
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + REFRESH_TOKEN_DAYS * 86_400_000);
  await db.query(
    `insert into refresh_tokens (family_id, user_id, device_id, token_hash, expires_at)
     values ($1, $2, $3, $4, $5)`,
    [familyId, userId, deviceId, hash(token), expires],
  );
  return token;
}

export type RotateResult =
  | { ok: true; token: string; userId: string; deviceId: string }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'reused' };

/** Spends `token` and returns its successor; run inside a transaction. */
export async function rotateRefreshToken(
  db: Queryable,
  token: string,
  now: Date,
): Promise<RotateResult> {
  const found = await db.query<{
    id: string;
    family_id: string;
    user_id: string;
    device_id: string;
    expires_at: Date;
    used_at: Date | null;
    revoked_at: Date | null;
  }>(
    `select id, family_id, user_id, device_id, expires_at, used_at, revoked_at
       from refresh_tokens where token_hash = $1 for update`,
    [hash(token)],
  );
  const row = found.rows[0];
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.revoked_at) return { ok: false, reason: 'revoked' };
  if (row.used_at) {
    await revokeFamily(db, row.family_id, now);
    return { ok: false, reason: 'reused' };
  }
  if (new Date(row.expires_at).getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  await db.query('update refresh_tokens set used_at = $2 where id = $1', [row.id, now]);
  const next = await issueRefreshToken(db, row.user_id, row.device_id, now, row.family_id);
  return { ok: true, token: next, userId: row.user_id, deviceId: row.device_id };
}

export async function revokeFamily(db: Queryable, familyId: string, now: Date): Promise<void> {
  await db.query(
    'update refresh_tokens set revoked_at = $2 where family_id = $1 and revoked_at is null',
    [familyId, now],
  );
}

/** Logout: the family of this token can no longer refresh. */
export async function revokeByToken(db: Queryable, token: string, now: Date): Promise<void> {
  await db.query(
    `update refresh_tokens set revoked_at = $2
      where family_id = (select family_id from refresh_tokens where token_hash = $1)
        and revoked_at is null`,
    [hash(token), now],
  );
}
