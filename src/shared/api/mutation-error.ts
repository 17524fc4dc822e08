// Why a single mutation was rejected. Rejections are permanent: the item goes to the
// register's "needs attention" list with this kind and never blocks the items behind it.
import { z } from 'zod/mini';

export const mutationErrorKind = z.enum([
  /** The payload does not match the schema of its kind, or the kind is unknown. */
  'InvalidMutation',
  /** Line totals, tax or totals do not add up by the shared rules. */
  'TotalsMismatch',
  /** Another store or device, or a role the kind needs. */
  'Forbidden',
  /** This mutation id was seen before with a different payload. */
  'MutationIdReuse',
  /** The record conflicts with one already stored (e.g. a receipt number taken). */
  'Conflict',
  /** Something it refers to does not exist (product, register, payment method). */
  'NotFound',
]);
export type MutationErrorKind = z.infer<typeof mutationErrorKind>;
