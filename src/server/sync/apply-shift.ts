// shift.open and shift.close. A shift is stored once by its device-made id; closing it stores
// the register's Z totals next to the server's recompute of them (equal to the cent, or
// totals_match = false for a manager), and an over/short above the store's limit must carry
// the confirmation of a manager of the store.
import type { ShiftClose, ShiftOpen } from '../../shared/records/shift';
import { diffShiftTotals } from '../../shared/pos/shift-report';
import type { Queryable } from '../db/database';
import type { Applied } from './apply-mutation';
import type { PushContext } from './push-context';
import { reject } from './rejection';
import { checkRegisterScope, checkStoreUser } from './store-user';
import { recomputeShiftTotals } from './shift-totals';

export async function applyShiftOpen(
  tx: Queryable,
  ctx: PushContext,
  open: ShiftOpen,
  hash: string,
): Promise<Applied> {
  checkRegisterScope(ctx, open, 'shift');
  await checkStoreUser(tx, ctx.storeId, open.openedBy, 'user who opened the shift');
  if (open.floatDenominations) {
    const sum = open.floatDenominations.reduce((a, d) => a + d.value * d.count, 0);
    if (sum !== open.openingFloat) {
      reject('TotalsMismatch', `The float counts ${sum} but says ${open.openingFloat}.`);
    }
  }
  const stored = await tx.query(
    `insert into shifts (id, store_id, register_id, device_id, opened_by, opened_at, opening_float,
       open_record, open_hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (id) do nothing returning 1`,
    [
      open.id,
      open.storeId,
      open.registerId,
      ctx.deviceId,
      open.openedBy,
      open.openedAt,
      open.openingFloat,
      JSON.stringify(open),
      hash,
    ],
  );
  if (stored.rows.length > 0) return { status: 'applied' };
  const before = await tx.query<{ open_hash: string }>(
    'select open_hash from shifts where id = $1',
    [open.id],
  );
  if (before.rows[0]?.open_hash !== hash) {
    reject('Conflict', 'A different shift with this id is stored already.');
  }
  return { status: 'duplicate' };
}

interface ShiftRow {
  store_id: string;
  register_id: string;
  opening_float: number;
  close_hash: string | null;
}

export async function applyShiftClose(
  tx: Queryable,
  ctx: PushContext,
  close: ShiftClose,
  hash: string,
): Promise<Applied> {
  checkRegisterScope(ctx, close, 'shift');
  const r = await tx.query<ShiftRow>(
    `select store_id, register_id, opening_float, close_hash from shifts where id = $1 for update`,
    [close.id],
  );
  const shift = r.rows[0];
  if (!shift || shift.store_id !== ctx.storeId)
    reject('NotFound', 'This shift is not on the server.');
  if (shift.register_id !== close.registerId) {
    reject('Forbidden', 'This shift was opened on another register.');
  }
  if (shift.close_hash !== null) {
    if (shift.close_hash !== hash)
      reject('Conflict', 'This shift was closed already, differently.');
    return { status: 'duplicate' };
  }
  await checkStoreUser(tx, ctx.storeId, close.closedBy, 'user who closed the shift');
  const expected = close.totals.expectedCash;
  if (close.overShort !== close.countedCash - expected) {
    reject('TotalsMismatch', 'The over/short is not the counted cash minus the expected cash.');
  }
  if (close.countedDenominations) {
    const sum = close.countedDenominations.reduce((a, d) => a + d.value * d.count, 0);
    if (sum !== close.countedCash) {
      reject('TotalsMismatch', `The count adds up to ${sum} but says ${close.countedCash}.`);
    }
  }
  const limits = await tx.query<{ over_short_limit: number }>(
    'select over_short_limit from stores where id = $1',
    [ctx.storeId],
  );
  const limit = Number(limits.rows[0]?.over_short_limit ?? 0);
  if (Math.abs(close.overShort) > limit && close.confirmedBy === undefined) {
    reject(
      'Forbidden',
      `An over/short of ${close.overShort} is above the store's limit of ${limit}: a manager must confirm it.`,
    );
  }
  if (close.confirmedBy !== undefined) {
    await checkStoreUser(tx, ctx.storeId, close.confirmedBy, 'confirming user', 'manager');
  }

  const server = await recomputeShiftTotals(tx, close.id, Number(shift.opening_float));
  const match = diffShiftTotals(close.totals, server).length === 0;
  await tx.query(
    `update shifts set closed_at = $2, closed_by = $3, confirmed_by = $4, counted_cash = $5,
       expected_cash = $6, over_short = $7, close_record = $8, close_hash = $9,
       register_totals = $10, server_totals = $11, totals_match = $12, closed_on_server_at = now()
     where id = $1`,
    [
      close.id,
      close.closedAt,
      close.closedBy,
      close.confirmedBy ?? null,
      close.countedCash,
      expected,
      close.overShort,
      JSON.stringify(close),
      hash,
      JSON.stringify(close.totals),
      JSON.stringify(server),
      match,
    ],
  );
  return { status: 'applied' };
}
