// Touch selling without typing: category tiles, then that category's products as tiles.
import { useEffect, useState } from 'react';
import type { Product } from '../../../shared/records/catalog';
import { useT } from '../../i18n/i18n';
import { useTillData } from '../till-data-context';
import { useTillSession } from '../till/till-context';

export function CategoryBrowser(props: { onAdd: (p: Product) => void }) {
  const t = useT();
  const data = useTillData();
  const { catalog, money } = useTillSession();
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [products, setProducts] = useState<Product[] | null>(null);
  const category = catalog.categories.find((c) => c.id === categoryId);

  useEffect(() => {
    let current = true;
    setProducts(null);
    if (categoryId === null) return;
    data.productsInCategory(categoryId).then(
      (found) => current && setProducts(found),
      () => current && setProducts([]),
    );
    return () => {
      current = false;
    };
  }, [data, categoryId]);

  if (!category) {
    const sorted = [...catalog.categories].sort((a, b) => a.sortOrder - b.sortOrder);
    return (
      <nav className="tiles" aria-label={t('sell.categories')}>
        {sorted.map((c) => (
          <button key={c.id} type="button" className="tile" onClick={() => setCategoryId(c.id)}>
            {c.name}
          </button>
        ))}
        {sorted.length === 0 && <p className="muted">{t('sell.noCategories')}</p>}
      </nav>
    );
  }

  return (
    <section className="category" aria-label={category.name}>
      <div className="category-head">
        <button type="button" className="secondary" onClick={() => setCategoryId(null)}>
          {t('sell.allCategories')}
        </button>
        <h2>{category.name}</h2>
      </div>
      <div className="tiles">
        {products?.map((p) => (
          <button
            key={p.id}
            type="button"
            className="tile product-tile"
            aria-label={t('sell.addProduct', { name: p.name, price: money(p.price) })}
            onClick={() => props.onAdd(p)}
          >
            <span className="tile-name">{p.name}</span>
            <span className="tile-price">{money(p.price)}</span>
          </button>
        ))}
        {products?.length === 0 && <p className="muted">{t('sell.emptyCategory')}</p>}
      </div>
    </section>
  );
}
