// The shift screen: open a shift with its float; while open, cash in/out, the X report and the
// close; after the close, the Z report with the over/short and its charts.
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useStoreOps } from '../store-ops-context';
import { useTillSession } from '../till/till-context';
import { CashMoveForm } from './cash-move-form';
import { CloseShiftForm } from './close-shift-form';
import { OpenShiftForm } from './open-shift-form';
import { ShiftReportView } from './shift-report-view';
import { ZReport } from './z-report';

export function ShiftScreen() {
  const t = useT();
  const ops = useStoreOps();
  const session = useTillSession();
  const open = ops.useOpenShift();
  const parked = ops.useParked();
  const [showX, setShowX] = useState(false);
  const [closedId, setClosedId] = useState<string | null>(null);

  if (open === undefined) return null;
  if (closedId && !open) return <ZReport shiftId={closedId} />;
  if (!open) return <OpenShiftForm />;
  const earlier = (parked ?? []).filter((o) => o.shiftId !== open.shift.id);
  return (
    <section aria-labelledby="shift-title" className="shift-screen">
      <h2 id="shift-title">{t('shift.title')}</h2>
      <p className="muted">{t('shift.openedAt', { time: session.time(open.shift.openedAt) })}</p>
      {open.shift.sync === 'rejected' && <p role="alert">{t('shift.rejected')}</p>}
      {earlier.length > 0 && (
        <p role="status">{t('shift.parkedBack', { count: earlier.length })}</p>
      )}
      <CashMoveForm />
      <button type="button" aria-expanded={showX} onClick={() => setShowX(!showX)}>
        {t('shift.xReport')}
      </button>
      {showX && (
        <ShiftReportView title={t('shift.xReport')} totals={open.totals} sales={open.sales} />
      )}
      <CloseShiftForm
        expectedCash={open.totals.expectedCash}
        onClosed={() => setClosedId(open.shift.id)}
      />
    </section>
  );
}
