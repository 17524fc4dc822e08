import { z } from 'zod/mini';
import { id } from '../records/ids';
import { publicUser } from '../records/user';

export const loginRequest = z.object({
  username: z.string().check(z.minLength(1), z.maxLength(100)),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The browser install signing in; made on the device. */
  deviceId: id,
});
export type LoginRequest = z.infer<typeof loginRequest>;

/** Login and refresh answer the same: a short-lived access token and who it is for. */
export const sessionResponse = z.object({
  accessToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().check(z.int()),
  user: publicUser,
});
export type SessionResponse = z.infer<typeof sessionResponse>;
