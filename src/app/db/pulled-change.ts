// A pulled change after validation: the wire `data` parsed with its entity's record schema.
// Nothing from the network reaches Dexie unparsed.
import type { z } from 'zod/mini';
import type { Change, PullEntity } from '../../shared/api/pull';
import { pulledShift } from '../../shared/api/pull';
import { category, paymentMethod, product, taxRate } from '../../shared/records/catalog';
import { customer } from '../../shared/records/customer';
import { parkedOrder } from '../../shared/records/parked-order';
import { sale } from '../../shared/records/sale';
import { stockLevel } from '../../shared/records/stock';
import { register, store } from '../../shared/records/store';
import { issueText } from './issue-text';

export const entitySchemas = {
  stores: store,
  registers: register,
  categories: category,
  taxRates: taxRate,
  paymentMethods: paymentMethod,
  products: product,
  stockLevels: stockLevel,
  customers: customer,
  sales: sale,
  shifts: pulledShift,
  parkedOrders: parkedOrder,
} satisfies Record<PullEntity, z.ZodMiniType>;

type Records = { [E in PullEntity]: z.infer<(typeof entitySchemas)[E]> };

// A first sync parses 100,000 products and stock levels: those two parse with compiled
// functions (fast-parsers.ts), a chunk fetched as this module loads rather than part of the
// app's first script. Until it is there, or if it cannot be fetched, the schemas above parse.
let fast: Partial<Record<PullEntity, z.ZodMiniType>> = {};
import('./fast-parsers').then(
  (m) => (fast = m.fastParsers),
  () => undefined,
);

/** `data` is null for a deletion. */
export type PulledChange = {
  [E in PullEntity]: { entity: E; id: string; version: string; data: Records[E] | null };
}[PullEntity];

export type ChangeOf<E extends PullEntity> = Extract<PulledChange, { entity: E }>;

/** Parses one change; a string says what is wrong with it. */
export function parseChange(change: Change): PulledChange | string {
  if (change.op === 'delete')
    return { entity: change.entity, id: change.id, version: change.version, data: null };
  const schema = fast[change.entity] ?? entitySchemas[change.entity];
  const parsed = schema.safeParse(change.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${change.entity} ${change.id}: ${issue ? issueText(issue) : 'invalid'}`;
  }
  return {
    entity: change.entity,
    id: change.id,
    version: change.version,
    data: parsed.data,
  } as PulledChange;
}
