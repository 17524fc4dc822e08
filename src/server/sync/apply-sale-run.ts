// A run of plain sales (sale.create that are not refunds) from one pushed batch, applied in ONE
// transaction with set-based statements: about eight statements for up to a hundred sales,
// where one by one each sale costs about twenty. Each mutation gets the answer applying it
// alone would give: the same checks in the same order with the same messages, a refused sale
// writes nothing and is stored rejected, a sale seen before answers from what was stored.
// What the checks do not foresee (a database error: a value PostgreSQL cannot store, a sale
// id inserted meanwhile by another device) rolls the whole run back, and the caller applies
// its mutations one by one, where such an error is confined to its own mutation.
import type { MutationResult } from '../../shared/api/push';
import type { Sale } from '../../shared/records/sale';
import type { Database, Queryable } from '../db/database';
import type { RawMutation, Stored } from './apply-mutation';
import { rejected, replay } from './apply-mutation';
import type { Flag } from './apply-sale';
import {
  checkScope,
  checkTotals,
  insertFlags,
  isStored,
  receiptTaken,
  saleFlags,
  stockMovements,
} from './apply-sale';
import { bookStock } from './book-stock';
import type { Movement } from './book-stock';
import { recordSeqs } from './device-seq';
import { isLate, lateFlag } from './late-sale';
import type { ShiftState } from './late-sale';
import type { PushContext } from './push-context';
import { checkRefund } from './refund-check';
import { MutationRejection, rejectionFromDatabase } from './rejection';
import { REF_COLUMNS, checkRefs, refParams, refTablesOf } from './sale-refs';
import type { RefRow, RefTables, SaleRefs } from './sale-refs';
import { insertSaleRows } from './sale-rows';

export interface RunItem {
  raw: RawMutation;
  sale: Sale;
  hash: string;
}

/** A sale still on its way through the checks, or its final answer. */
interface Pending {
  item: RunItem;
  result?: Stored;
  refs?: SaleRefs;
  late?: boolean;
}

/** Runs `check` on every sale not yet answered; a MutationRejection answers that sale. */
function each(pending: readonly Pending[], check: (p: Pending) => void): void {
  for (const p of pending) {
    if (p.result) continue;
    try {
      check(p);
    } catch (err) {
      if (!(err instanceof MutationRejection)) throw err;
      p.result = rejected(err);
    }
  }
}

const open = (pending: readonly Pending[]) => pending.filter((p) => !p.result);

/** Whether a run can be applied as a set: no id or receipt number appears twice in it. */
export function canRunAsSet(items: readonly RunItem[]): boolean {
  const distinct = (key: (i: RunItem) => string) => new Set(items.map(key)).size === items.length;
  return (
    distinct((i) => i.raw.id.toLowerCase()) &&
    distinct((i) => i.sale.id.toLowerCase()) &&
    distinct((i) => `${i.sale.registerId}/${i.sale.receiptNumber}`)
  );
}

/** What an applied plain sale answers, stored with its claim: most of a run ends so. */
const APPLIED: Stored = { status: 'applied' };

async function claim(tx: Queryable, ctx: PushContext, items: readonly RunItem[]) {
  // In id order, so two pushes of one device claiming overlapping ids never deadlock. Claimed
  // as applied, which is what most of them will be; storeResults corrects the others before
  // the transaction commits, so no one ever sees a claim's provisional answer.
  const r = await tx.query<{ mutation_id: string }>(
    `insert into applied_mutations
       (device_id, mutation_id, seq, kind, payload_hash, status, result, store_id, user_id)
     select $1, t.id, t.seq, 'sale.create', t.hash, $7, $8::jsonb, $2, $3
       from unnest($4::uuid[], $5::bigint[], $6::text[]) as t(id, seq, hash)
      order by t.id
     on conflict (device_id, mutation_id) do nothing
     returning mutation_id`,
    [
      ctx.deviceId,
      ctx.storeId,
      ctx.userId,
      items.map((i) => i.raw.id),
      items.map((i) => i.raw.seq),
      items.map((i) => i.hash),
      APPLIED.status,
      JSON.stringify(APPLIED),
    ],
    { prepare: true },
  );
  return new Set(r.rows.map((row) => row.mutation_id));
}

/** What the checks of a run read, all in one statement after the claim. */
interface RunFacts {
  tables: RefTables;
  /** Payload hashes of the run's sale ids already stored. */
  stored: Map<string, string>;
  /** The run's receipt numbers already taken on the register. */
  taken: Set<string>;
  shifts: Map<string, ShiftState>;
}

async function readFacts(
  tx: Queryable,
  ctx: PushContext,
  sales: readonly Sale[],
): Promise<RunFacts> {
  const r = await tx.query<
    RefRow & { stored: [string, string][]; taken: string[]; shifts: [string, string, boolean][] }
  >(
    `select ${REF_COLUMNS},
       (select coalesce(json_agg(json_build_array(id, payload_hash)), '[]')
          from sales where id = any($6::uuid[])) as stored,
       (select coalesce(json_agg(receipt_number), '[]')
          from sales where register_id = $7::uuid and receipt_number = any($8::text[])) as taken,
       (select coalesce(json_agg(json_build_array(id, register_id, close_hash is not null)), '[]')
          from shifts where id = any($9::uuid[])) as shifts`,
    [
      ...refParams(ctx.storeId, sales),
      sales.map((s) => s.id),
      ctx.registerId,
      sales.map((s) => s.receiptNumber),
      [...new Set(sales.flatMap((s) => (s.shiftId ? [s.shiftId] : [])))],
    ],
    { prepare: true },
  );
  const row = r.rows[0];
  if (!row) throw new Error('the run query returned no row');
  return {
    tables: refTablesOf(row),
    stored: new Map(row.stored),
    taken: new Set(row.taken),
    shifts: new Map(row.shifts.map(([id, registerId, closed]) => [id, { registerId, closed }])),
  };
}

/** The checks of applySale in the same order, on facts read once for the whole run. */
async function check(tx: Queryable, ctx: PushContext, pending: Pending[]): Promise<void> {
  const facts = await readFacts(
    tx,
    ctx,
    pending.map((p) => p.item.sale),
  );
  each(pending, (p) => checkScope(ctx, p.item.sale));
  each(pending, (p) => {
    p.refs = checkRefs(p.item.sale, facts.tables);
    checkTotals(p.item.sale, p.refs);
  });
  each(pending, (p) => {
    if (isStored(facts.stored.get(p.item.sale.id.toLowerCase()), p.item.hash)) {
      p.result = { status: 'duplicate' };
    }
  });
  // Not refunds: this only refuses refund references on a plain sale, without a query.
  for (const p of open(pending)) {
    try {
      await checkRefund(tx, p.item.sale);
    } catch (err) {
      if (!(err instanceof MutationRejection)) throw err;
      p.result = rejected(err);
    }
  }
  each(pending, (p) => {
    if (facts.taken.has(p.item.sale.receiptNumber)) receiptTaken(p.item.sale);
  });
  each(pending, (p) => {
    p.late = isLate(p.item.sale, facts.shifts);
  });
}

/** Writes the accepted sales, their stock movements and flags, in push order. */
async function write(tx: Queryable, ctx: PushContext, accepted: Pending[]): Promise<void> {
  await insertSaleRows(
    tx,
    accepted.map((p) => ({
      sale: p.item.sale,
      origin: { deviceId: ctx.deviceId, mutationId: p.item.raw.id, hash: p.item.hash },
      late: p.late ?? false,
    })),
  );
  const perSale: Movement[][] = accepted.map((p) =>
    p.refs ? stockMovements(p.item.sale, p.refs) : [],
  );
  const levels = await bookStock(tx, ctx.storeId, perSale.flat());
  // The level before the run, then after each sale in push order: what one by one would see.
  const running = new Map(levels);
  for (const m of perSale.flat())
    running.set(m.productId, (running.get(m.productId) ?? 0) - m.delta);
  const flags: Flag[] = [];
  accepted.forEach((p, i) => {
    const movements = perSale[i] ?? [];
    for (const m of movements) running.set(m.productId, (running.get(m.productId) ?? 0) + m.delta);
    if (p.refs)
      flags.push(...saleFlags(p.item.sale, p.refs, movements, (id) => running.get(id) ?? 0));
    if (p.late) flags.push(lateFlag(p.item.sale));
  });
  await insertFlags(tx, ctx.storeId, flags);
}

async function storeResults(tx: Queryable, ctx: PushContext, answered: Pending[]) {
  const others = answered.filter((p) => p.result?.status !== APPLIED.status);
  if (others.length > 0) await storeOthers(tx, ctx, others);
  await recordSeqs(
    tx,
    ctx.deviceId,
    ctx.storeId,
    answered.map((p) => p.item.raw.seq),
  );
}

/** The answers that are not the claim's `applied` (a refused or a duplicate sale). */
async function storeOthers(tx: Queryable, ctx: PushContext, answered: Pending[]) {
  await tx.query(
    `update applied_mutations a set status = t.status, result = t.result
       from unnest($2::uuid[], $3::text[], $4::jsonb[]) as t(id, status, result)
      where a.device_id = $1 and a.mutation_id = t.id`,
    [
      ctx.deviceId,
      answered.map((p) => p.item.raw.id),
      answered.map((p) => p.result?.status),
      answered.map((p) => JSON.stringify(p.result)),
    ],
    { prepare: true },
  );
}

/**
 * Applies the run; null when it must be applied one by one instead (nothing was written).
 * The answers are in the order of `items`.
 */
export async function applySaleRun(
  db: Database,
  ctx: PushContext,
  items: readonly RunItem[],
): Promise<MutationResult[] | null> {
  if (!canRunAsSet(items)) return null;
  let answered: Pending[];
  try {
    answered = await db.transaction(async (tx) => {
      const claimed = await claim(tx, ctx, items);
      const pending: Pending[] = items
        .filter((i) => claimed.has(i.raw.id.toLowerCase()))
        .map((item) => ({ item }));
      if (pending.length === 0) return [];
      await check(tx, ctx, pending);
      const accepted = open(pending);
      for (const p of accepted) p.result = { ...APPLIED };
      await write(tx, ctx, accepted);
      await storeResults(tx, ctx, pending);
      return pending;
    });
  } catch (err) {
    if (rejectionFromDatabase(err)) return null;
    throw err;
  }
  const answers = new Map<string, MutationResult>(
    answered.map((p) => [p.item.raw.id, { id: p.item.raw.id, ...(p.result as Stored) }]),
  );
  const seen = items.filter((i) => !answers.has(i.raw.id));
  const replayed = await replay(db, ctx, seen);
  seen.forEach((s, i) => {
    const answer = replayed[i];
    if (answer) answers.set(s.raw.id, answer);
  });
  return items.map((i) => {
    const answer = answers.get(i.raw.id);
    if (!answer) throw new Error(`no answer for mutation ${i.raw.id}`);
    return answer;
  });
}
