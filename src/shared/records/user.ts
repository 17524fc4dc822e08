import { z } from 'zod/mini';
import { id } from './ids';

export const role = z.enum(['cashier', 'manager', 'admin']);
export type Role = z.infer<typeof role>;

export const publicUser = z.object({
  id,
  username: z.string(),
  name: z.string(),
  role,
  storeId: id,
});
export type PublicUser = z.infer<typeof publicUser>;
