// A generated catalog for the register's catalog tests, and what a search over it must return
// computed the slow, obvious way.
import { normalizeText } from '../../src/app/db/catalog-index';
import { ean13 } from '../../src/shared/pos/ean13';
import type { Product } from '../../src/shared/records/catalog';
import { idSource } from './till-db';

const adjectives = ['Organic', 'Classic', 'Fresh', 'Crème', 'Light', 'Smoked', 'Spicy', 'Golden'];
const nouns = ['Apple Juice', 'Tomato Soup', 'Cheddar', 'Granola', 'Green Tea', 'Brûlée', 'Salsa'];

export function makeProducts(n: number): Product[] {
  const nextId = idSource(7);
  const storeId = '00000000-0000-7000-8000-00000000a001';
  const taxRateId = '00000000-0000-7000-8000-00000000b001';
  return Array.from({ length: n }, (_, i) => ({
    id: nextId(),
    storeId,
    sku: `SKU-${String(i).padStart(6, '0')}`,
    barcodes: [ean13(`2${String(i).padStart(11, '0')}`)],
    name: `${adjectives[i % adjectives.length]} ${nouns[Math.floor(i / 8) % nouns.length]} ${i % 997}`,
    price: 100 + (i % 900),
    taxRateId,
    categoryId: null,
    active: i % 50 !== 0,
    stockTracked: true,
  }));
}

/** What a search must return, computed the slow, obvious way. */
export function reference(products: Product[], query: string, limit = 20): string[] {
  const words = normalizeText(query).split(' ');
  return products
    .filter((p) => p.active)
    .filter((p) =>
      words.every((w) => `${normalizeText(p.name)} ${p.sku.toLowerCase()}`.includes(w)),
    )
    .sort((a, b) => {
      const ka = `${normalizeText(a.name)}\u0000${a.id}`;
      const kb = `${normalizeText(b.name)}\u0000${b.id}`;
      return ka < kb ? -1 : 1;
    })
    .slice(0, limit)
    .map((p) => p.id);
}
