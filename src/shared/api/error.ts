// The closed vocabulary of API errors. Every error the server sends has this shape, and each
// kind maps to one client policy: fix the request, sign in, retry later, or resync.
import { z } from 'zod/mini';

export const apiErrorKind = z.enum([
  'InvalidRequest',
  'Unauthorized',
  'Forbidden',
  'NotFound',
  'Conflict',
  'RateLimited',
  'PayloadTooLarge',
  'ResyncRequired',
  'Internal',
]);
export type ApiErrorKind = z.infer<typeof apiErrorKind>;

export const apiErrorBody = z.object({
  error: z.object({
    kind: apiErrorKind,
    message: z.string(),
    details: z.optional(z.unknown()),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBody>;

/** The HTTP status that goes with each kind. */
export const apiErrorStatus: Record<ApiErrorKind, number> = {
  InvalidRequest: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
  RateLimited: 429,
  PayloadTooLarge: 413,
  ResyncRequired: 410,
  Internal: 500,
};
