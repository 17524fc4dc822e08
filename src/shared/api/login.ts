import { z } from 'zod';
import { id } from '../records/ids';
import { publicUser } from '../records/user';

export const loginRequest = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
  /** The browser install signing in; made on the device. */
  deviceId: id,
});
export type LoginRequest = z.infer<typeof loginRequest>;

/** Login and refresh answer the same: a short-lived access token and who it is for. */
export const sessionResponse = z.object({
  accessToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
  user: publicUser,
});
export type SessionResponse = z.infer<typeof sessionResponse>;
