// What a failed flush means for the engine: each kind has one policy (retry with backoff,
// wait for a sign-in, or retry later while showing the problem).
import { StorageFull } from '../db/storage';
import { ApiError, InvalidResponseError, NetworkError } from './http';
import { SignedOut } from './token-store';

export type FailureKind =
  /** Network down or the server unreachable: retry with backoff. */
  | 'offline'
  /** 5xx, 408, 429: retry with backoff, not sooner than Retry-After. */
  | 'server'
  /** Signed out: pause until someone signs in. */
  | 'signed-out'
  /** The server refused the request as a whole (4xx): retry later, show it. */
  | 'refused'
  /** The answer did not match the protocol: retry later, show it. */
  | 'invalid-response'
  | 'storage-full'
  | 'failed';

export interface Failure {
  kind: FailureKind;
  message: string;
  retryAfter?: number;
  status?: number;
}

export function classify(err: unknown): Failure {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof SignedOut) return { kind: 'signed-out', message };
  if (err instanceof NetworkError) return { kind: 'offline', message };
  if (err instanceof StorageFull) return { kind: 'storage-full', message };
  if (err instanceof InvalidResponseError) return { kind: 'invalid-response', message };
  if (err instanceof ApiError) {
    const transient = err.status >= 500 || err.status === 408 || err.status === 429;
    return {
      kind: transient ? 'server' : 'refused',
      message,
      status: err.status,
      ...(err.retryAfter !== undefined ? { retryAfter: err.retryAfter } : {}),
    };
  }
  return { kind: 'failed', message };
}
