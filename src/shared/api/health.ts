import { z } from 'zod/mini';

export const healthResponse = z.object({
  status: z.literal('ok'),
  /** The server's epoch: a random id made when its database was created. */
  epoch: z.string(),
  time: z.iso.datetime(),
});
export type HealthResponse = z.infer<typeof healthResponse>;
