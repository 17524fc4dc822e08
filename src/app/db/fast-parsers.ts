// Compiled parsers for the entities a first sync brings by the hundred thousand: one generated
// function per schema (same answers as the schema; anything the fast path rejects is parsed
// again by zod for its message). A chunk of its own: zod's compiler is a third of the zod the
// app carries, and only pulling needs it (pulled-change.ts fetches it).
import { z } from 'zod/mini';
import { product } from '../../shared/records/catalog';
import { stockLevel } from '../../shared/records/stock';

export const fastParsers = {
  products: z.compile(product),
  stockLevels: z.compile(stockLevel),
};
