// What the server holds, asked the way the register itself would: signed in as the device
// (a session of its own, so the page's refresh cookie is untouched) and pulling from the
// start. The server sends a register's own sales to the device bound to it.
import type { APIRequestContext } from '@playwright/test';
import { request } from '@playwright/test';

/** The parts of a stored sale (src/shared/records/sale.ts) the specs look at. */
export interface ServerSale {
  id: string;
  receiptNumber: string;
  lines: { name: string; quantity: number }[];
  orderDiscount: number;
  payments: { kind: string; amount: number; tendered?: number; change?: number }[];
  totals: { subtotal: number; discount: number; tax: number; rounding: number; total: number };
}

const baseURL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8181';

async function signedIn(deviceId: string, username: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const res = await api.post('/api/auth/login', {
    data: { username, password: 'demo', deviceId },
  });
  if (!res.ok()) throw new Error(`login failed: ${res.status()} ${await res.text()}`);
  const { accessToken } = (await res.json()) as { accessToken: string };
  await api.dispose();
  return request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${accessToken}` },
  });
}

/** Every sale of the register `deviceId` is bound to, as the server stores them. */
export async function serverSales(deviceId: string, username = 'cashier1'): Promise<ServerSale[]> {
  const api = await signedIn(deviceId, username);
  try {
    const sales: ServerSale[] = [];
    let cursor: string | undefined;
    for (;;) {
      const res = await api.get('/api/sync/pull', {
        params: { limit: 5000, ...(cursor ? { cursor } : {}) },
      });
      if (!res.ok()) throw new Error(`pull failed: ${res.status()} ${await res.text()}`);
      const page = (await res.json()) as {
        changes: { entity: string; op: string; data?: unknown }[];
        cursor: string;
        hasMore: boolean;
      };
      for (const c of page.changes)
        if (c.entity === 'sales' && c.op === 'upsert') sales.push(c.data as ServerSale);
      cursor = page.cursor;
      if (!page.hasMore) return sales;
    }
  } finally {
    await api.dispose();
  }
}

/** How often each receipt number is stored (a duplicate would show as 2). */
export function countByReceipt(sales: ServerSale[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sales) counts.set(s.receiptNumber, (counts.get(s.receiptNumber) ?? 0) + 1);
  return counts;
}
