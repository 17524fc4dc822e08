// A manager's confirmation on the spot: a signed-in manager confirms with one click; for a
// cashier, a manager signs in on the dialog (approve-manager, needs the network).
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useT } from '../../i18n/i18n';
import { useTillSession } from '../till/till-context';
import { approvalMessage } from './approval-message';
import { approveManager } from './approve-manager';
import { ManagerFields } from './manager-fields';

export function ManagerConfirm(props: { label: string; onConfirmed: (managerId: string) => void }) {
  const t = useT();
  const session = useTillSession();
  const [manager, setManager] = useState({ username: '', password: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isManager = session.user.role === 'manager' || session.user.role === 'admin';

  if (isManager) {
    return (
      <button type="button" onClick={() => props.onConfirmed(session.user.id)}>
        {props.label}
      </button>
    );
  }
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const result = await approveManager({
      ...manager,
      deviceId: session.deviceId,
      storeId: session.catalog.store.id,
    });
    setBusy(false);
    if (!result.ok) return setError(t(approvalMessage[result.reason]));
    props.onConfirmed(result.manager.id);
  }
  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      <ManagerFields value={manager} onChange={setManager} />
      {error && <p role="alert">{error}</p>}
      <button type="submit" disabled={busy}>
        {props.label}
      </button>
    </form>
  );
}
