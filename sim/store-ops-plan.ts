// How often a simulated register does each store operation, one turn at a time between its
// sales: cash moves, shift closes, refunds (and over-refunds it must refuse), customers created
// and edited, and now and then the same customer field edited on two registers of a store
// while one of them is offline. Rare enough that a seed stays about as fast as sales alone;
// chances per turn are scaled to the simulator's pace (pace.ts).
import { often } from './pace';
import type { Rng } from './prng';
import type { Receipt, SimRegister } from './register';
import type { OpsLedger } from './store-ops';
import {
  cashMove,
  closeAndReopen,
  createCustomer,
  editCustomer,
  editSameField,
  refund,
} from './store-ops';

/** One register's turn; returns the refunds it rang up (receipts for the ledger). */
export async function opsTurn(
  r: SimRegister,
  ops: OpsLedger,
  rng: Rng,
  managerId: string,
): Promise<Receipt[]> {
  const receipts: Receipt[] = [];
  if (rng.chance(often(0.03))) await cashMove(r, ops, rng);
  if (rng.chance(often(0.04))) {
    const receipt = await refund(r, ops, rng, managerId);
    if (receipt) receipts.push(receipt);
  }
  if (rng.chance(often(0.01))) await refund(r, ops, rng, managerId, true);
  if (rng.chance(often(0.015))) await createCustomer(r, ops);
  if (rng.chance(often(0.025))) await editCustomer(r, ops, rng);
  if (rng.chance(often(0.02))) await closeAndReopen(r, ops, rng, managerId);
  return receipts;
}

/** Now and then, in one store, an offline and an online register edit the same field. */
export async function sameFieldTurn(
  registers: SimRegister[],
  storeOf: (r: SimRegister) => string,
  ops: OpsLedger,
  rng: Rng,
): Promise<void> {
  if (!rng.chance(often(0.05))) return;
  const store = storeOf(rng.pick(registers));
  const here = registers.filter((r) => storeOf(r) === store);
  const offline = here.filter((r) => r.link.offline);
  const online = here.filter((r) => !r.link.offline);
  if (offline.length === 0 || online.length === 0) return;
  await editSameField(rng.pick(offline), rng.pick(online), ops, rng);
}
