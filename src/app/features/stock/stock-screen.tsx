// Stock at the till: find a product and see its stock on hand (the server's level plus this
// register's pending moves); a manager counts products offline and records the count; and
// the server's oversell, price-drift and late-sale flags are listed for managers.
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { SaleFlag } from '../../../shared/api/flags';
import type { Product } from '../../../shared/records/catalog';
import { useT } from '../../i18n/i18n';
import { errorText, useStoreOps } from '../store-ops-context';
import { useTillData } from '../till-data-context';
import { useTillSession } from '../till/till-context';

export function StockScreen() {
  const t = useT();
  const data = useTillData();
  const ops = useStoreOps();
  const session = useTillSession();
  const onHand = ops.useStockOnHand();
  const isManager = session.user.role !== 'cashier';
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Product[]>([]);
  const [counts, setCounts] = useState<Map<string, { name: string; counted: number }>>(new Map());
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [flags, setFlags] = useState<SaleFlag[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function search(e: FormEvent) {
    e.preventDefault();
    setFound(await data.searchProducts(query, 20));
  }
  function add(p: Product) {
    const n = Number(typed[p.id]);
    if (!Number.isSafeInteger(n) || n < 0) return;
    setCounts(new Map(counts).set(p.id, { name: p.name, counted: n }));
  }
  async function send() {
    try {
      await ops.countStock({
        countedBy: session.user.id,
        lines: [...counts].map(([productId, c]) => ({ productId, counted: c.counted })),
      });
      setCounts(new Map());
      setMessage(t('stock.sent'));
    } catch (err) {
      setMessage(t('storeOps.error', { message: errorText(err) }));
    }
  }
  async function loadFlags() {
    try {
      setFlags(await ops.fetchFlags());
    } catch (err) {
      setMessage(t('storeOps.error', { message: errorText(err) }));
    }
  }
  const flagText = (f: SaleFlag) =>
    f.kind === 'oversell'
      ? t('stock.flag.oversell', {
          receipt: f.receiptNumber,
          quantity: f.quantity,
          after: f.onHandAfter,
        })
      : f.kind === 'priceDrift'
        ? t('stock.flag.priceDrift', {
            receipt: f.receiptNumber,
            sold: session.money(f.soldPrice),
            catalog: session.money(f.catalogPrice),
          })
        : t('stock.flag.late', { receipt: f.receiptNumber });

  return (
    <section aria-labelledby="stock-title" className="stock-screen">
      <h2 id="stock-title">{t('stock.title')}</h2>
      <form className="form" onSubmit={(e) => void search(e)}>
        <label>
          {t('stock.search')}
          <input value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
      </form>
      <ul>
        {found.map((p) => (
          <li key={p.id}>
            {p.name} · {t('stock.onHand', { count: onHand?.get(p.id) ?? 0 })}
            {isManager && p.stockTracked && (
              <>
                {' '}
                <input
                  inputMode="numeric"
                  aria-label={t('stock.counted', { name: p.name })}
                  value={typed[p.id] ?? ''}
                  onChange={(e) => setTyped({ ...typed, [p.id]: e.target.value })}
                />
                <button type="button" onClick={() => add(p)}>
                  {t('stock.add')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {isManager && counts.size > 0 && (
        <button type="button" onClick={() => void send()}>
          {t('stock.send', { count: counts.size })}
        </button>
      )}
      {message && <p role="status">{message}</p>}
      {isManager && (
        <section aria-label={t('stock.flags')}>
          <h3>{t('stock.flags')}</h3>
          <button type="button" onClick={() => void loadFlags()}>
            {t('stock.loadFlags')}
          </button>
          {flags && flags.length === 0 && <p className="muted">{t('stock.noFlags')}</p>}
          {flags && flags.length > 0 && (
            <ul>
              {flags.map((f) => (
                <li key={f.id}>{flagText(f)}</li>
              ))}
            </ul>
          )}
        </section>
      )}
    </section>
  );
}
