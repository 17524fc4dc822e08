// GET /api/sync/digest: what the device should hold of one entity, to check without a download.
import { z } from 'zod/mini';
import { pullEntity } from './pull';

export const digestQuery = z.object({ entity: pullEntity });
export type DigestQuery = z.infer<typeof digestQuery>;

export const digestResponse = z.object({
  epoch: z.string(),
  entity: pullEntity,
  count: z.number().check(z.int()),
  /**
   * Hex SHA-256 of the UTF-8 text made of one "id:version" line per live row the device may
   * see (the `id` and `version` of its pull changes), sorted by id, joined by "\n" with no
   * trailing newline. No rows: the hash of the empty string.
   */
  hash: z.string(),
});
export type DigestResponse = z.infer<typeof digestResponse>;
