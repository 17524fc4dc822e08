// Selling a line at another price needs a manager on the spot: the manager signs in on this
// dialog, and the line records the catalog price and who approved the change.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useT } from '../../i18n/i18n';
import { parseMoney } from '../../i18n/money-input';
import { approvalMessage } from '../manager/approval-message';
import { approveManager } from '../manager/approve-manager';
import { ManagerFields } from '../manager/manager-fields';
import { Dialog } from '../../components/dialog';
import { useTillSession } from '../till/till-context';
import type { CartLine } from './cart';

export function PriceOverrideDialog(props: {
  line: CartLine;
  onApproved: (price: number, approvedBy: string) => void;
  onClose: () => void;
}) {
  const t = useT();
  const session = useTillSession();
  const { store } = session.catalog;
  const [price, setPrice] = useState('');
  const [manager, setManager] = useState({ username: '', password: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const original = props.line.priceOverride?.originalPrice ?? props.line.unitPrice;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const amount = parseMoney(price, store.currency);
    if (amount === null) return setError(t('sell.override.badPrice'));
    setBusy(true);
    setError(null);
    const result = await approveManager({
      ...manager,
      deviceId: session.deviceId,
      storeId: store.id,
    });
    setBusy(false);
    if (!result.ok) return setError(t(approvalMessage[result.reason]));
    props.onApproved(amount, result.manager.id);
  }

  return (
    <Dialog title={t('sell.override.title', { name: props.line.name })} onClose={props.onClose}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <p className="muted">
          {t('sell.override.catalogPrice', { price: session.money(original) })}
        </p>
        <label>
          {t('sell.override.newPrice')}
          <input
            inputMode="decimal"
            required
            value={price}
            onChange={(e) => setPrice(e.target.value)}
          />
        </label>
        <ManagerFields value={manager} onChange={setManager} />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" className="secondary" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" disabled={busy}>
            {busy ? t('manager.checking') : t('sell.override.approve')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
