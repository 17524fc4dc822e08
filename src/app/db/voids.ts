// Voiding a whole unpaid sale: the cart is recorded as voided (with its shift) and queued, so
// nothing a cashier rang up disappears without a trace.
import type { SaleVoid } from '../../shared/records/sale-void';
import { saleVoid } from '../../shared/records/sale-void';
import { uuidv7 } from '../../shared/uuidv7';
import type { TillDb } from './database';
import { getDevice } from './device-meta';
import { stampAndEnqueue } from './local-write';
import { openShiftOf } from './shifts';
import { mapStorageErrors } from './storage';
import { StoreOpsError } from './store-ops-error';

export interface VoidSaleInput {
  cashierId: string;
  lines: SaleVoid['lines'];
  total: number;
  reason?: string;
}

export function voidSale(
  db: TillDb,
  input: VoidSaleInput,
  now: () => number = Date.now,
): Promise<SaleVoid> {
  return mapStorageErrors(() =>
    db.transaction('rw', ['saleVoids', 'shifts', 'outbox', 'deviceMeta'], async (tx) => {
      const device = await getDevice(tx);
      if (!device.storeId || !device.registerId) {
        throw new StoreOpsError('Invalid', 'This device is not bound to a register.');
      }
      const shift = await openShiftOf(tx);
      const parsed = saleVoid.safeParse({
        id: uuidv7(now()),
        storeId: device.storeId,
        registerId: device.registerId,
        shiftId: shift?.id ?? null,
        cashierId: input.cashierId,
        deviceTime: new Date(now()).toISOString(),
        ...(input.reason ? { reason: input.reason } : {}),
        lines: input.lines,
        total: input.total,
      });
      if (!parsed.success) throw new StoreOpsError('Invalid', 'The voided cart is not valid.');
      const v = parsed.data;
      await tx.table('saleVoids').add({ ...v, sync: 'pending' });
      await stampAndEnqueue(tx, device, { kind: 'sale.void', payload: v }, v.id, now);
      return v;
    }),
  );
}
