// Setting a refused item aside for good is a manager's decision, with the reason recorded. A
// cashier's screen asks the manager to sign in on the dialog.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Dialog } from '../../components/dialog';
import { useT } from '../../i18n/i18n';
import { approvalMessage } from '../manager/approval-message';
import { approveManager } from '../manager/approve-manager';
import { ManagerFields } from '../manager/manager-fields';
import { describeError } from '../describe-error';
import type { NeedsAttentionItem } from '../till-data';
import { useTillData } from '../till-data-context';
import { useTillSession } from '../till/till-context';

export function DiscardDialog(props: { item: NeedsAttentionItem; onClose: () => void }) {
  const t = useT();
  const data = useTillData();
  const session = useTillSession();
  const isManager = session.user.role !== 'cashier';
  const [reason, setReason] = useState('');
  const [manager, setManager] = useState({ username: '', password: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (reason.trim().length < 3) return setError(t('discard.reasonNeeded'));
    setBusy(true);
    setError(null);
    let approvedBy = session.user.id;
    if (!isManager) {
      const result = await approveManager({
        ...manager,
        deviceId: session.deviceId,
        storeId: session.catalog.store.id,
      });
      if (!result.ok) {
        setBusy(false);
        return setError(t(approvalMessage[result.reason]));
      }
      approvedBy = result.manager.id;
    }
    try {
      await data.discard(props.item.id, { reason: reason.trim(), approvedBy });
      props.onClose();
    } catch (err) {
      setError(describeError(err, t));
      setBusy(false);
    }
  }

  const what = props.item.receiptNumber ?? props.item.kind;
  return (
    <Dialog title={t('discard.title', { what })} onClose={props.onClose}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <p className="warning">{t('discard.warning')}</p>
        <label>
          {t('discard.reason')}
          <textarea
            aria-required="true"
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        {!isManager && <ManagerFields value={manager} onChange={setManager} />}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" className="secondary" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="danger" disabled={busy}>
            {t('discard.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
