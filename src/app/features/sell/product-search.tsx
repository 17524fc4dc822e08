// Search as you type by name, SKU or barcode, as a combobox: arrows move through the hits,
// Enter adds the highlighted one. A scanned code typed into the field (digits then Enter) is
// looked up as a barcode first, so scanning works with the focus here too.
import { useEffect, useId, useState } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import type { Product } from '../../../shared/records/catalog';
import { useT } from '../../i18n/i18n';
import { useTillData } from '../till-data-context';
import { useTillSession } from '../till/till-context';

export function ProductSearch(props: {
  query: string;
  onQuery: (q: string) => void;
  onAdd: (p: Product) => void;
  onUnknownCode: (code: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const t = useT();
  const data = useTillData();
  const { money } = useTillSession();
  const listId = useId();
  const [hits, setHits] = useState<Product[]>([]);
  const [active, setActive] = useState(0);
  const q = props.query.trim();

  useEffect(() => {
    let current = true;
    if (!q) {
      setHits([]);
      return;
    }
    data.searchProducts(q, 30).then(
      (found) => {
        if (!current) return;
        setHits(found);
        setActive(0);
      },
      () => current && setHits([]),
    );
    return () => {
      current = false;
    };
  }, [data, q]);

  function add(p: Product) {
    props.onAdd(p);
    props.onQuery('');
  }

  async function enter() {
    const code = q;
    if (/^\d{8,14}$/.test(code)) {
      // Free the field before the lookup: a scanner may type the next code right away, and
      // clearing after the await would wipe its first digits.
      const fallback = hits[active];
      props.onQuery('');
      const byCode = await data.productByBarcode(code);
      if (byCode) return props.onAdd(byCode);
      if (fallback) return props.onAdd(fallback);
      return props.onUnknownCode(code);
    }
    const hit = hits[active];
    if (hit) add(hit);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => Math.min(Math.max(a + step, 0), Math.max(hits.length - 1, 0)));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void enter();
    } else if (e.key === 'Escape') {
      props.onQuery('');
    }
  }

  const open = q.length > 0;
  return (
    <div className="search">
      <label className="search-label">
        <span>{t('sell.search')}</span>
        <input
          ref={props.inputRef}
          type="search"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && hits[active] ? `${listId}-${active}` : undefined}
          aria-keyshortcuts="F2"
          placeholder={t('sell.searchPlaceholder')}
          autoComplete="off"
          value={props.query}
          onChange={(e) => props.onQuery(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </label>
      {open && (
        <ul id={listId} role="listbox" aria-label={t('sell.results')} className="search-results">
          {hits.map((p, i) => (
            <li
              key={p.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'hit active' : 'hit'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => add(p)}
            >
              <span className="hit-name">{p.name}</span>
              <span className="hit-sku">{p.sku}</span>
              <span className="hit-price">{money(p.price)}</span>
            </li>
          ))}
          {hits.length === 0 && (
            <li role="presentation" className="hit-none">
              {t('sell.noResults')}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
