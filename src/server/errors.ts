// One error handler for the whole API: every failure leaves as
// { error: { kind, message, details? } } with a kind from the closed list, and never a stack.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ApiErrorBody, ApiErrorKind } from '../shared/api/error';
import { apiErrorStatus } from '../shared/api/error';

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly details?: unknown,
    /** Seconds, sent as Retry-After (RateLimited). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
  get status(): number {
    return apiErrorStatus[this.kind];
  }
}

export function errorBody(kind: ApiErrorKind, message: string, details?: unknown): ApiErrorBody {
  return { error: details === undefined ? { kind, message } : { kind, message, details } };
}

/** Maps whatever was thrown to a kind; unknown errors are Internal and their text stays here. */
function classify(err: FastifyError | AppError | Error): {
  kind: ApiErrorKind;
  message: string;
  details?: unknown;
} {
  if (err instanceof AppError)
    return { kind: err.kind, message: err.message, details: err.details };
  if (hasZodFastifySchemaValidationErrors(err)) {
    return {
      kind: 'InvalidRequest',
      message: 'The request does not match the schema.',
      details: err.validation.map((v) => ({
        path: `${err.validationContext ?? ''}${v.instancePath}`,
        message: v.message,
      })),
    };
  }
  const code = (err as FastifyError).code;
  const status = (err as FastifyError).statusCode;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) {
    return { kind: 'PayloadTooLarge', message: 'The request body is too large.' };
  }
  if (status === 429) return { kind: 'RateLimited', message: 'Too many requests.' };
  if (status !== undefined && status >= 400 && status < 500) {
    // Unparseable JSON, wrong content type, bad encoding, empty body: the client's fault.
    return { kind: 'InvalidRequest', message: err.message };
  }
  return { kind: 'Internal', message: 'Something went wrong on the server.' };
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    const { kind, message, details } = classify(err);
    if (kind === 'Internal') request.log.error({ err }, 'unhandled error');
    else request.log.info({ kind, message }, 'request refused');
    if (err instanceof AppError && err.retryAfter !== undefined) {
      void reply.header('retry-after', String(Math.max(1, Math.ceil(err.retryAfter))));
    }
    return reply.status(apiErrorStatus[kind]).send(errorBody(kind, message, details));
  });
}
