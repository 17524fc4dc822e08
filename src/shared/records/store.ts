import { z } from 'zod/mini';
import { id } from './ids';

export const store = z.object({
  id,
  code: z.string(),
  name: z.string(),
  currency: z.string().check(z.length(3)),
  locale: z.string(),
  /** true: shelf prices contain the tax (most of Europe); false: tax is added on top (US). */
  pricesIncludeTax: z.boolean(),
  /** Cash totals round to this many minor units (5 for CHF 0.05); 1 means no cash rounding. */
  cashRounding: z.number().check(z.int(), z.minimum(1)),
  /** Over/short (minor units, either way) above which closing a shift needs a manager. */
  overShortLimit: z.optional(z.number().check(z.int(), z.minimum(0))),
  /** A refund total (minor units) above which a manager approves it on the spot. */
  refundApprovalLimit: z.optional(z.number().check(z.int(), z.minimum(0))),
});
export type Store = z.infer<typeof store>;

export const register = z.object({
  id,
  storeId: id,
  code: z.string(),
  name: z.string(),
});
export type Register = z.infer<typeof register>;

/** What a store without the limits (an older server) is held to. */
export const DEFAULT_OVER_SHORT_LIMIT = 1000;
export const DEFAULT_REFUND_APPROVAL_LIMIT = 5000;

export function storeLimits(s: Pick<Store, 'overShortLimit' | 'refundApprovalLimit'>): {
  overShortLimit: number;
  refundApprovalLimit: number;
} {
  return {
    overShortLimit: s.overShortLimit ?? DEFAULT_OVER_SHORT_LIMIT,
    refundApprovalLimit: s.refundApprovalLimit ?? DEFAULT_REFUND_APPROVAL_LIMIT,
  };
}
