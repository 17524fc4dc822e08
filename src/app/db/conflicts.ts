// The conflict inbox: fields both sides changed since they last agreed. The merge already
// picked a winner; a manager reviews these in the sync center and either keeps the merged value
// (the conflict goes, nothing is sent) or reverts to the other one, which is written back as a
// new edit through the outbox (a fresh stamp, so it wins the next merge everywhere). Conflicts
// come in from pulls (apply-pull.ts: a pending edit meets a newer server copy) and from push
// answers (recordPushConflicts: the server found that someone else wrote a field this edit
// changed, whichever of the two won).
import type { Transaction } from 'dexie';
import type { MutationResult } from '../../shared/api/push';
import type { Customer, CustomerConflict, CustomerUpsert } from '../../shared/records/customer';
import { customerPushRecord } from '../../shared/records/customer';
import { customerRules } from '../../shared/sync/resolve';
import { uuidv7 } from '../../shared/uuidv7';
import type { TillDb } from './database';
import { saveCustomer } from './customers';
import type { LocalConflict, LocalCustomer, OutboxEntry } from './records';
import { StoreOpsError } from './store-ops-error';

export function listConflicts(db: TillDb): Promise<LocalConflict[]> {
  return db.conflicts.toArray();
}

export function conflictsOf(db: TillDb, recordId: string): Promise<LocalConflict[]> {
  return db.conflicts.where('recordId').equals(recordId).toArray();
}

/** Keeps what the merge kept: the conflict is settled, nothing changes and nothing is sent. */
export async function keepConflict(db: TillDb, id: string): Promise<void> {
  await db.conflicts.delete(id);
}

/**
 * Writes the other value back as a new edit, and settles the conflict, in one transaction.
 * The edit says it had seen the kept value's stamp (saveCustomer), so on the server it is a
 * deliberate change, not a new conflict, unless a third register wrote the field meanwhile.
 * Throws StoreOpsError NotFound when it was settled already (by another tab, say).
 */
export async function revertConflict(
  db: TillDb,
  id: string,
  now: () => number = Date.now,
): Promise<void> {
  await db.transaction('rw', [db.conflicts, db.customers, db.outbox, db.deviceMeta], async () => {
    const c = await db.conflicts.get(id);
    if (!c) throw new StoreOpsError('NotFound', 'This conflict was settled already.');
    if (c.entity !== 'customer') throw new StoreOpsError('Invalid', 'Only customers revert.');
    await saveCustomer(db, { id: c.recordId, fields: { [c.field]: c.loser.value } }, now);
    await db.conflicts.delete(id);
  });
}

/**
 * An answer stored by a server from before conflicts were sent (a record without
 * `conflicts`): each field this edit carried that the server kept otherwise.
 */
function legacyConflicts(edit: CustomerUpsert, server: Customer): CustomerConflict[] {
  return customerRules.fields.flatMap((field) => {
    const mine = edit.fields[field];
    if (mine === undefined || mine === server[field]) return [];
    return [
      {
        field,
        winner: { value: server[field], stamp: server.stamps[field] ?? '' },
        loser: { value: mine, stamp: edit.stamps[field] ?? '' },
      },
    ];
  });
}

/**
 * Records the conflicts a pushed customer edit met on the server, on this register: when its
 * edit won (kept = its value, other = the value it overwrote) and when it lost. Call it in the
 * push answer's transaction before the answer moves the customer's base. One real conflict is
 * shown once: a field whose base already holds the other side's version is skipped. The base
 * holds it only when this register already merged that version with this edit pending, on a
 * pull (apply-pull recorded the conflict then; a manager may even have settled it since) or on
 * the answer to an earlier edit of the field. Pulled before the edit, it would have been the
 * version the edit had seen, and no conflict.
 */
export async function recordPushConflicts(
  tx: Transaction,
  entry: OutboxEntry,
  result: MutationResult,
  at: string,
  newId: () => string = uuidv7,
): Promise<void> {
  if (entry.kind !== 'customer.upsert') return;
  // A duplicate carries the stored answer's record when the first answer was lost.
  if (result.status === 'rejected') return;
  const parsed = customerPushRecord.safeParse(result.record);
  if (!parsed.success) return;
  const edit = entry.payload;
  const found =
    parsed.data.conflicts ?? (result.status === 'merged' ? legacyConflicts(edit, parsed.data) : []);
  if (found.length === 0) return;
  const local = await tx.table<LocalCustomer, string>('customers').get(edit.id);
  const fresh: LocalConflict[] = [];
  for (const c of found) {
    const mine = edit.stamps[c.field] ?? '';
    const other = c.winner.stamp === mine ? c.loser : c.winner;
    if (other.stamp !== '' && local?.base?.stamps[c.field] === other.stamp) continue;
    fresh.push({
      id: newId(),
      entity: customerRules.entity,
      recordId: edit.id,
      field: c.field,
      winner: c.winner,
      loser: c.loser,
      at,
    });
  }
  if (fresh.length > 0) await tx.table('conflicts').bulkPut(fresh);
}
