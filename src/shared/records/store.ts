import { z } from 'zod';
import { id } from './ids';

export const store = z.object({
  id,
  code: z.string(),
  name: z.string(),
  currency: z.string().length(3),
  locale: z.string(),
  /** true: shelf prices contain the tax (most of Europe); false: tax is added on top (US). */
  pricesIncludeTax: z.boolean(),
  /** Cash totals round to this many minor units (5 for CHF 0.05); 1 means no cash rounding. */
  cashRounding: z.number().int().min(1),
});
export type Store = z.infer<typeof store>;

export const register = z.object({
  id,
  storeId: id,
  code: z.string(),
  name: z.string(),
});
export type Register = z.infer<typeof register>;
