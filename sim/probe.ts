// The refund limits, probed after the drain: a register asks for one unit more than is left
// of a line (refused locally), refunds what is left, syncs, then loses its local copy of that refund (as if it never had it) and refunds
// the same units again. Its local check lets the second refund through; the server, which
// counts every refund from every register, must refuse it (Conflict, into needs-attention)
// and never store it.
import { refundableLines } from '../src/app/db/refund-limits';
import type { Rng } from './prng';
import type { Receipt, SimRegister } from './register';
import { receiptOf } from './register';
import type { OpsLedger } from './store-ops';
import { overRefund, ownSales, recordRefund } from './store-ops';

export async function overRefundProbe(
  r: SimRegister,
  ops: OpsLedger,
  rng: Rng,
  managerId: string,
): Promise<Receipt[]> {
  for (const original of (await ownSales(r)).filter((s) => s.sync === 'synced').reverse()) {
    const line = (await refundableLines(r.db, original)).find((l) => l.remaining > 0);
    if (!line) continue;
    await overRefund(r, ops, rng, original, line, line.remaining + 1, managerId);
    const first = await recordRefund(r, rng, original, line.lineId, line.remaining, managerId);
    ops.refunds++;
    await r.engine.syncNow();
    if ((await r.db.outbox.count()) > 0) throw new Error(`${r.name}: the probe's refund is unsent`);
    await r.db.sales.delete(first.id);
    const again = await recordRefund(r, rng, original, line.lineId, line.remaining, managerId);
    ops.probes.set(again.id, `${again.receiptNumber} (${r.name}) gives back ${line.name} again`);
    await r.engine.syncNow();
    return [receiptOf(r, first), { ...receiptOf(r, again), refusedByServer: true }];
  }
  throw new Error(`${r.name}: no synced sale left to probe the server's refund check with`);
}
