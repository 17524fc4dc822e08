// Authorised calls to the sync API. Each request carries the access token; a 401 refreshes the
// token once (serialised by the token store) and retries; a second 401 means signed out. Every
// answer's Date header corrects the device clock offset used by the HLC.
import type { z } from 'zod/mini';
import { serverOffset } from '../../shared/hlc';
import type { SyncEnv } from './env';
import { ApiError, requestJson } from './http';
import type { TokenStore } from './token-store';
import { SignedOut } from './token-store';

export interface ApiClient {
  call<S extends z.ZodMiniType>(path: string, init: RequestInit, schema: S): Promise<z.infer<S>>;
  /** The latest device-clock correction seen (ms to add), if any answer carried a Date. */
  clockOffset(): number | null;
}

export function apiClient(env: SyncEnv, tokens: TokenStore): ApiClient {
  let offset: number | null = null;
  const observe = (res: Response) => {
    const o = serverOffset(res.headers.get('date'), env.now());
    if (o !== null) offset = o;
  };
  const send = <S extends z.ZodMiniType>(
    path: string,
    init: RequestInit,
    schema: S,
    token: string,
  ) =>
    requestJson(
      env.fetch,
      `${env.baseUrl}${path}`,
      {
        ...init,
        headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
      },
      schema,
      observe,
    );
  return {
    async call(path, init, schema) {
      const token = await tokens.token();
      try {
        return await send(path, init, schema, token);
      } catch (err) {
        if (!(err instanceof ApiError) || err.status !== 401) throw err;
      }
      const fresh = await tokens.refresh(token);
      try {
        return await send(path, init, schema, fresh);
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          await tokens.signOut();
          throw new SignedOut('The server refused a fresh token: sign in again to sync.');
        }
        throw err;
      }
    },
    clockOffset: () => offset,
  };
}
