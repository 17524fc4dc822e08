// The app loads no zod locale, so an answer that fails its schema is described from the issue
// itself: where, and what was expected. This file imports no classic zod (which would load
// English and hide the difference).
import { describe, expect, it } from 'vitest';
import { issueText } from '../../../src/app/db/issue-text';
import { parseChange } from '../../../src/app/db/pulled-change';
import { InvalidResponseError, requestJson } from '../../../src/app/sync/http';
import { healthResponse } from '../../../src/shared/api/health';
import { saleLine } from '../../../src/shared/records/sale';

const productId = '00000000-0000-7000-8000-00000000c001';
const product = {
  id: productId,
  storeId: '00000000-0000-7000-8000-00000000a001',
  sku: 'SKU-1',
  barcodes: [],
  name: 'Soup',
  price: 100,
  taxRateId: '00000000-0000-7000-8000-00000000b001',
  categoryId: null,
  active: true,
  stockTracked: true,
};

const pulled = (data: unknown) =>
  parseChange({ entity: 'products', id: productId, op: 'upsert', version: '7', data });

describe('a schema issue in words, without a zod locale', () => {
  it('names the field and the type a pulled record got wrong', () => {
    expect(pulled(product)).toMatchObject({ entity: 'products', data: product });
    expect(pulled({ ...product, price: '1.00' })).toBe(
      `products ${productId}: price: expected number`,
    );
    expect(pulled({ ...product, storeId: 'S1' })).toBe(
      `products ${productId}: storeId: not a valid uuid`,
    );
  });

  it('keeps the words a check gave, and says what a length or value should be', () => {
    const line = {
      id: productId,
      productId,
      name: 'Soup',
      quantity: 0,
      unitPrice: 100,
      discount: 0,
      taxRateId: product.taxRateId,
      taxBasisPoints: 1900,
      total: 0,
      tax: 0,
    };
    const issues = (data: unknown) => {
      const r = saleLine.safeParse(data);
      return r.success ? [] : r.error.issues.map(issueText);
    };
    expect(issues(line)).toEqual(['quantity: quantity cannot be 0']);
    expect(issues({ ...line, quantity: 1, name: '' })).toEqual([
      'name: too small (string, at least 1)',
    ]);
    expect(issues({ ...line, quantity: 1, taxBasisPoints: 20_000 })).toEqual([
      'taxBasisPoints: too big (number, at most 10000)',
    ]);
    expect(pulled({ ...product, active: 'yes', stockTracked: undefined })).toBe(
      `products ${productId}: active: expected boolean`,
    );
  });

  it('says what an answer of the server lacks', async () => {
    const fetchFn = () =>
      Promise.resolve(new Response(JSON.stringify({ status: 'ok', epoch: 7 }), { status: 200 }));
    const err = await requestJson(fetchFn, '/api/health', {}, healthResponse).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InvalidResponseError);
    expect((err as Error).message).toBe(
      'unexpected answer from /api/health: epoch: expected string; time: expected string',
    );
  });
});
