// Refunds: find the original by its receipt number (a scanner types it and Enter), pick the
// quantities per line (never more than remains), refund to the original tender or in cash.
// Above the store's refund limit a manager approves on the spot.
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Sale } from '../../../shared/records/sale';
import { storeLimits } from '../../../shared/records/store';
import { StoreOpsError } from '../../db/store-ops-error';
import { useT } from '../../i18n/i18n';
import { ManagerConfirm } from '../manager/manager-confirm';
import type { RefundableLine } from '../store-ops-data';
import { errorText, useStoreOps } from '../store-ops-context';
import { useTillSession } from '../till/till-context';

export function RefundScreen() {
  const t = useT();
  const ops = useStoreOps();
  const session = useTillSession();
  const [receipt, setReceipt] = useState('');
  const [found, setFound] = useState<{ sale: Sale; lines: RefundableLine[] } | null>(null);
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [tender, setTender] = useState<'original' | 'cash'>('original');
  const [needsManager, setNeedsManager] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const limit = storeLimits(session.catalog.store).refundApprovalLimit;

  async function find(e: FormEvent) {
    e.preventDefault();
    const result = await ops.findSale(receipt);
    setFound(result);
    setQuantities({});
    setNeedsManager(false);
    setMessage(result ? null : t('refund.notFound'));
  }

  async function refund(approvedBy?: string) {
    if (!found) return;
    try {
      const sale = await ops.recordRefund({
        original: found.sale,
        cashierId: session.user.id,
        quantities,
        tender,
        ...(approvedBy ? { approvedBy } : {}),
      });
      setMessage(t('refund.done', { receipt: sale.receiptNumber }));
      setFound(null);
      setNeedsManager(false);
    } catch (err) {
      if (err instanceof StoreOpsError && err.kind === 'NeedsManager') setNeedsManager(true);
      else setMessage(t('storeOps.error', { message: errorText(err) }));
    }
  }

  const amount = found
    ? found.lines.reduce((a, l) => a + (quantities[l.lineId] ?? 0) * l.unitPrice, 0)
    : 0;
  return (
    <section aria-labelledby="refund-title" className="refund-screen">
      <h2 id="refund-title">{t('refund.title')}</h2>
      <form className="form" onSubmit={(e) => void find(e)}>
        <label>
          {t('refund.receipt')}
          <input value={receipt} onChange={(e) => setReceipt(e.target.value)} autoFocus />
        </label>
        <button type="submit">{t('refund.find')}</button>
      </form>
      {message && <p role="status">{message}</p>}
      {found && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void refund();
          }}
        >
          {found.lines.map((l) => (
            <label key={l.lineId}>
              {t('refund.line', { name: l.name, sold: l.sold, refunded: l.refunded })}
              <input
                type="number"
                min={0}
                max={l.remaining}
                aria-label={t('refund.quantity', { name: l.name })}
                value={quantities[l.lineId] ?? 0}
                onChange={(e) =>
                  setQuantities({
                    ...quantities,
                    [l.lineId]: Math.max(0, Math.min(l.remaining, Number(e.target.value) || 0)),
                  })
                }
              />
            </label>
          ))}
          <fieldset>
            <label>
              <input
                type="radio"
                checked={tender === 'original'}
                onChange={() => setTender('original')}
              />
              {t('refund.toOriginal')}
            </label>
            <label>
              <input type="radio" checked={tender === 'cash'} onChange={() => setTender('cash')} />
              {t('refund.toCash')}
            </label>
          </fieldset>
          <p>{t('refund.total', { amount: session.money(amount) })}</p>
          {!needsManager && (
            <button type="submit" disabled={amount === 0}>
              {t('refund.submit')}
            </button>
          )}
        </form>
      )}
      {needsManager && (
        <div role="alert">
          <p>{t('refund.needsApproval', { limit: session.money(limit) })}</p>
          <ManagerConfirm label={t('refund.submit')} onConfirmed={(id) => void refund(id)} />
        </div>
      )}
    </section>
  );
}
