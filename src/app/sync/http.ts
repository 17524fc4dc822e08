// Talking to the ERP API. Three kinds of failure stay apart, because each has its own policy:
// the network failed (retry), the server answered with an error of the API's vocabulary
// (per kind), or the server's answer did not match its schema (a bug: stop and report).
import type { z } from 'zod/mini';
import type { ApiErrorKind } from '../../shared/api/error';
import { apiErrorBody } from '../../shared/api/error';
import { issueText } from '../db/issue-text';

export type Fetch = typeof fetch;

export class NetworkError extends Error {
  override name = 'NetworkError';
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    message: string,
    /** Seconds from Retry-After, when the server sent one. */
    readonly retryAfter?: number,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export class InvalidResponseError extends Error {
  override name = 'InvalidResponseError';
}

function retryAfterSeconds(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

/**
 * Sends a request and parses the answer with `schema`; throws one of the three errors.
 * `onResponse` sees every response that arrived (the sync engine reads its Date header).
 */
export async function requestJson<S extends z.ZodMiniType>(
  fetchFn: Fetch,
  url: string,
  init: RequestInit,
  schema: S,
  onResponse?: (res: Response) => void,
): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await fetchFn(url, { credentials: 'same-origin', ...init });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : 'network error');
  }
  onResponse?.(res);
  const text = await res.text().catch(() => {
    throw new NetworkError('the connection broke while reading the answer');
  });
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = undefined;
  }
  if (!res.ok) {
    const parsed = apiErrorBody.safeParse(body);
    if (parsed.success) {
      const { kind, message, details } = parsed.data.error;
      throw new ApiError(
        kind,
        res.status,
        message,
        retryAfterSeconds(res.headers.get('retry-after')),
        details,
      );
    }
    // A proxy's or a crashed server's page: no API error, but still a server-side failure.
    if (res.status >= 500 || res.status === 408 || res.status === 429) {
      throw new ApiError(
        res.status === 429 ? 'RateLimited' : 'Internal',
        res.status,
        `HTTP ${res.status}`,
        retryAfterSeconds(res.headers.get('retry-after')),
      );
    }
    throw new InvalidResponseError(`HTTP ${res.status} without an API error body`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map(issueText).join('; ');
    throw new InvalidResponseError(`unexpected answer from ${url}: ${issues}`);
  }
  return parsed.data;
}
