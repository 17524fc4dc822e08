// The compiled parsers of a first sync's big entities answer as their schemas do.
import { describe, expect, it } from 'vitest';
import { fastParsers } from '../../../src/app/db/fast-parsers';
import { product } from '../../../src/shared/records/catalog';
import { stockLevel } from '../../../src/shared/records/stock';

const storeId = '00000000-0000-7000-8000-00000000a001';
const productId = '00000000-0000-7000-8000-00000000c001';
const good = {
  id: productId,
  storeId,
  sku: 'SKU-1',
  barcodes: ['4006381333931'],
  name: 'Soup',
  price: 100,
  taxRateId: '00000000-0000-7000-8000-00000000b001',
  categoryId: null,
  active: true,
  stockTracked: true,
};

describe('the compiled parsers', () => {
  it.each([
    ['a product', good],
    ['a product with an extra field', { ...good, colour: 'red' }],
    ['a product priced as text', { ...good, price: '1.00' }],
    ['a product with a fractional price', { ...good, price: 1.5 }],
    ['a product without a store', { ...good, storeId: undefined }],
    ['nothing', null],
  ])('parse %s as the product schema does', (_, input) => {
    expect(fastParsers.products.safeParse(input)).toEqual(product.safeParse(input));
  });

  it.each([
    ['a stock level', { storeId, productId, onHand: -3 }],
    ['a stock level with a fraction', { storeId, productId, onHand: 0.5 }],
  ])('parse %s as the stock level schema does', (_, input) => {
    expect(fastParsers.stockLevels.safeParse(input)).toEqual(stockLevel.safeParse(input));
  });
});
