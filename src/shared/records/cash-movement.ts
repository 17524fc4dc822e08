// Cash put into or taken out of a register's drawer during a shift, with a reason.
import { z } from 'zod/mini';
import { id, money } from './ids';

export const cashMovementKind = z.enum(['in', 'out']);
export type CashMovementKind = z.infer<typeof cashMovementKind>;

export const cashMovement = z.object({
  id,
  storeId: id,
  registerId: id,
  shiftId: id,
  kind: cashMovementKind,
  amount: money.check(z.minimum(1)),
  reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  userId: id,
  deviceTime: z.iso.datetime({ offset: true }),
});
export type CashMovement = z.infer<typeof cashMovement>;
