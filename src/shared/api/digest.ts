// GET /api/sync/digest: what the device should hold of one entity, to check without a download.
import { z } from 'zod';
import { pullEntity } from './pull';

export const digestQuery = z.object({ entity: pullEntity });
export type DigestQuery = z.infer<typeof digestQuery>;

export const digestResponse = z.object({
  epoch: z.string(),
  entity: pullEntity,
  count: z.number().int(),
  /** Hex SHA-256 over the sorted "id:xid" lines of every live row the device may see. */
  hash: z.string(),
});
export type DigestResponse = z.infer<typeof digestResponse>;
