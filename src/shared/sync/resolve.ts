// The conflict resolver for shared records. Per field, the newer HLC stamp wins; a business rule
// may rank some values above any stamp. Merging is pure, total over records of one id, and a
// join: commutative, associative and idempotent, so every replica converges whatever the order.
// When both sides changed a field since they last agreed, a winner is still picked and a
// conflict is recorded for a manager.
import type { Customer, CustomerFields, CustomerUpsert } from '../records/customer';

/** The fields of a shared record, each with the stamp of its last write. */
export interface Stamped<F> {
  id: string;
  stamps: Record<string, string>;
  fields: F;
}

/**
 * A business rule on one field: values of a higher rank win over any stamp (e.g. a cancelled
 * parked order stays cancelled). Equal ranks fall back to the stamps.
 */
export type FieldRank<V> = (value: V) => number;

export interface EntityRules<F> {
  entity: string;
  fields: readonly (keyof F & string)[];
  rank?: { [K in keyof F]?: FieldRank<F[K]> };
}

export interface FieldVersion {
  value: unknown;
  stamp: string;
}

/** Both sides changed `field` since they last agreed; `winner` is what the merge kept. */
export interface FieldConflict {
  entity: string;
  id: string;
  field: string;
  winner: FieldVersion;
  loser: FieldVersion;
}

export interface MergeResult<R> {
  merged: R;
  conflicts: FieldConflict[];
}

/** A canonical text of a value: equal values, equal text (object keys sorted). */
function canonical(value: unknown): string {
  if (value === undefined) return 'u';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The total order that picks a field's winner: rank, then stamp, then the value's canonical
 * text (equal stamps with different values cannot come from one HLC, but the order stays total).
 */
function compareVersions(
  a: FieldVersion,
  b: FieldVersion,
  rank: FieldRank<unknown> | undefined,
): number {
  if (rank) {
    const byRank = cmp(rank(a.value), rank(b.value));
    if (byRank !== 0) return byRank;
  }
  return cmp(a.stamp, b.stamp) || cmp(canonical(a.value), canonical(b.value));
}

function versionOf<F>(record: Stamped<F>, field: keyof F & string): FieldVersion {
  return { value: record.fields[field], stamp: record.stamps[field] ?? '' };
}

function changedSince(side: FieldVersion, base: FieldVersion | undefined): boolean {
  return base === undefined || side.stamp !== base.stamp;
}

/**
 * Merges two copies of one record. `base` is the copy both last agreed on, when known; without
 * it, any field the two hold differently counts as changed on both sides.
 */
export function mergeStamped<F>(
  rules: EntityRules<F>,
  a: Stamped<F>,
  b: Stamped<F>,
  base?: Stamped<F> | null,
): MergeResult<Stamped<F>> {
  if (a.id !== b.id) throw new RangeError(`cannot merge ${rules.entity} ${a.id} with ${b.id}`);
  const fields = { ...a.fields };
  const stamps: Record<string, string> = {};
  const conflicts: FieldConflict[] = [];
  for (const field of rules.fields) {
    const va = versionOf(a, field);
    const vb = versionOf(b, field);
    const rank = rules.rank?.[field] as FieldRank<unknown> | undefined;
    const aWins = compareVersions(va, vb, rank) >= 0;
    const winner = aWins ? va : vb;
    const loser = aWins ? vb : va;
    fields[field] = winner.value as F[typeof field];
    if (winner.stamp) stamps[field] = winner.stamp;
    const vBase = base ? versionOf(base, field) : undefined;
    if (
      va.stamp !== vb.stamp &&
      va.stamp !== '' &&
      vb.stamp !== '' &&
      canonical(va.value) !== canonical(vb.value) &&
      changedSince(va, vBase) &&
      changedSince(vb, vBase)
    )
      conflicts.push({ entity: rules.entity, id: a.id, field, winner, loser });
  }
  // Stamps of fields the rules do not know are kept as a join too, so nothing is lost.
  for (const [field, stamp] of Object.entries({ ...a.stamps, ...b.stamps })) {
    if (field in stamps || (rules.fields as readonly string[]).includes(field)) continue;
    const other = a.stamps[field] ?? '';
    stamps[field] = other > stamp ? other : stamp;
  }
  return { merged: { id: a.id, stamps, fields }, conflicts };
}

// ---- customers ----

export const customerRules: EntityRules<CustomerFields> = {
  entity: 'customer',
  fields: ['name', 'email', 'phone', 'note'],
};

function customerToStamped(c: Customer): Stamped<CustomerFields> {
  return {
    id: c.id,
    stamps: c.stamps,
    fields: { name: c.name, email: c.email, phone: c.phone, note: c.note },
  };
}

function customerFromStamped(s: Stamped<CustomerFields>, storeId: string): Customer {
  return { id: s.id, storeId, ...s.fields, stamps: s.stamps };
}

/**
 * Merges two copies of one customer (the device's and the server's, in either order: the
 * result is the same). `base`: the copy both last agreed on, if known.
 */
export function mergeCustomer(
  local: Customer,
  remote: Customer,
  base?: Customer | null,
): MergeResult<Customer> {
  const { merged, conflicts } = mergeStamped(
    customerRules,
    customerToStamped(local),
    customerToStamped(remote),
    base ? customerToStamped(base) : null,
  );
  // A customer belongs to one store; the smaller id wins only to keep the function total.
  const storeId = local.storeId <= remote.storeId ? local.storeId : remote.storeId;
  return { merged: customerFromStamped(merged, storeId), conflicts };
}

/**
 * The conflicts of an edit that says what its author had seen: an edited field is one when its
 * stored stamp is not the one the author had seen (someone else wrote it meanwhile) and the
 * two values differ. A sequential edit (the author had the stored version) never is.
 */
function seenConflicts(
  current: Customer,
  upsert: CustomerUpsert,
  seen: Record<string, string | null>,
): FieldConflict[] {
  const conflicts: FieldConflict[] = [];
  for (const field of customerRules.fields) {
    const value = upsert.fields[field];
    if (value === undefined) continue;
    const stored: FieldVersion = { value: current[field], stamp: current.stamps[field] ?? '' };
    const mine: FieldVersion = { value, stamp: upsert.stamps[field] ?? '' };
    if (
      (current.stamps[field] ?? null) === (seen[field] ?? null) ||
      stored.stamp === '' ||
      mine.stamp === '' ||
      stored.stamp === mine.stamp ||
      canonical(stored.value) === canonical(mine.value)
    )
      continue;
    const storedWins = compareVersions(stored, mine, undefined) >= 0;
    conflicts.push({
      entity: customerRules.entity,
      id: current.id,
      field,
      winner: storedWins ? stored : mine,
      loser: storedWins ? mine : stored,
    });
  }
  return conflicts;
}

/**
 * Applies an edit to the stored customer (null: new). Fields the upsert does not carry keep
 * their stored value and stamp; an edited field takes the newer stamp. The conflicts: with
 * `seen`, the fields someone else wrote since the author's copy (seenConflicts); without it (an
 * older register), every edited field whose stamp and value differ from the stored ones, as
 * the upsert does not say what its author had seen. Throws RangeError for a new customer
 * without a name.
 */
export function applyCustomerUpsert(
  current: Customer | null,
  upsert: CustomerUpsert,
): MergeResult<Customer> {
  const { fields } = upsert;
  if (!current) {
    if (!fields.name) throw new RangeError('a new customer needs a name');
    const stamps: Record<string, string> = {};
    for (const field of customerRules.fields) {
      const stamp = upsert.stamps[field];
      if (fields[field] !== undefined && stamp) stamps[field] = stamp;
    }
    const created: Customer = {
      id: upsert.id,
      storeId: upsert.storeId,
      name: fields.name,
      email: fields.email ?? null,
      phone: fields.phone ?? null,
      note: fields.note ?? null,
      stamps,
    };
    return { merged: created, conflicts: [] };
  }
  const incoming: Customer = { ...current, stamps: { ...current.stamps } };
  for (const field of customerRules.fields) {
    const value = fields[field];
    if (value === undefined) continue;
    Object.assign(incoming, { [field]: value });
    incoming.stamps[field] = upsert.stamps[field] ?? '';
  }
  const result = mergeCustomer(current, incoming);
  if (!upsert.seen) return result;
  return { merged: result.merged, conflicts: seenConflicts(current, upsert, upsert.seen) };
}
